namespace RagnarokOps.Sandbox.Seeding;

/// <summary>The sample checkout service's source files, as the scenario's history writes them.</summary>
internal static class CheckoutFiles
{
    public const string ControllerPath = "src/Checkout.Api/Controllers/CheckoutController.cs";
    public const string SafeDiscountLine = "        var discountPercent = request.Cart.Coupon?.Percent ?? 0m;";
    public const string CulpritDiscountLine = "        var discountPercent = request.Cart.Coupon!.Percent;";

    public static string Controller(string discountLine) => $$"""
        using Checkout.Api.Models;
        using Checkout.Api.Services;
        using Microsoft.AspNetCore.Mvc;

        namespace Checkout.Api.Controllers;

        [ApiController]
        [Route("api/checkout")]
        public sealed class CheckoutController(PricingService pricing, ILogger<CheckoutController> logger) : ControllerBase
        {
            [HttpPost]
            public ActionResult<OrderConfirmation> PlaceOrder(CheckoutRequest request)
            {
                if (request.Cart.Lines.Count == 0)
                {
                    return BadRequest("The cart is empty.");
                }

                var subtotal = pricing.Subtotal(request.Cart);
        {{discountLine}}
                var total = pricing.ApplyDiscount(subtotal, discountPercent);
                var tax = pricing.Tax(total, request.ShippingCountry);
                logger.LogInformation("Order for cart {CartId}: {Total} + {Tax} tax", request.Cart.Id, total, tax);
                return Ok(new OrderConfirmation(Guid.NewGuid(), total + tax));
            }
        }

        """;

    public static int LineOf(string content, string needle) =>
        content.Split('\n').Select((line, index) => (line, index)).First(x => x.line.Contains(needle, StringComparison.Ordinal)).index + 1;

    public const string Models = """
        namespace Checkout.Api.Models;

        public sealed record Coupon(string Code, decimal Percent);

        public sealed record CartLine(string Sku, int Quantity, decimal UnitPrice);

        public sealed record Cart(Guid Id, IReadOnlyList<CartLine> Lines, Coupon? Coupon);

        public sealed record CheckoutRequest(Cart Cart, string ShippingCountry);

        public sealed record OrderConfirmation(Guid OrderId, decimal Total);

        """;

    public static string Pricing(string rounding) => $$"""
        using Checkout.Api.Models;

        namespace Checkout.Api.Services;

        public sealed class PricingService
        {
            private static readonly Dictionary<string, decimal> TaxRates = new() { ["DE"] = 0.19m, ["FR"] = 0.20m, ["US"] = 0.07m };

            public decimal Subtotal(Cart cart) => cart.Lines.Sum(l => l.Quantity * l.UnitPrice);

            public decimal ApplyDiscount(decimal subtotal, decimal percent) =>
                Math.Round(subtotal * (1 - (percent / 100m)), 2, {{rounding}});

            public decimal Tax(decimal amount, string country) =>
                Math.Round(amount * TaxRates.GetValueOrDefault(country, 0m), 2, {{rounding}});
        }

        """;

    public const string Program = """
        using Checkout.Api.Services;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSingleton<PricingService>();
        var app = builder.Build();
        app.MapControllers();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        """;

    public const string ApiProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>

        """;

    public const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/Checkout.Api/Checkout.Api.csproj" />
          </ItemGroup>
        </Project>

        """;

    public const string PricingTests = """
        using Checkout.Api.Models;
        using Checkout.Api.Services;
        using Xunit;

        namespace Checkout.Tests;

        public sealed class PricingServiceTests
        {
            private readonly PricingService _pricing = new();

            [Fact]
            public void Subtotal_SumsLines() =>
                Assert.Equal(25m, _pricing.Subtotal(new Cart(Guid.NewGuid(), [new("A", 2, 10m), new("B", 1, 5m)], null)));

            [Fact]
            public void ApplyDiscount_TenPercent_Discounts() => Assert.Equal(90m, _pricing.ApplyDiscount(100m, 10m));

            [Fact]
            public void Tax_RoundsHalfAwayFromZero() => Assert.Equal(10.35m, _pricing.Tax(51.75m, "FR"));
        }

        """;

    public const string CodeOwners = """
        # Code owners for the checkout service
        *                       @alice
        /src/Checkout.Api/      @alice @dave
        /tests/                 @bob
        /.gitlab-ci.yml         @carol
        /.ragnarok.yaml         @carol @alice

        """;

    // Follows the policy format of docs/policy.md (domain/Policy parses it and rejects unknown keys).
    public static string RagnarokYaml(string stagingUrl) => $$"""
        # RagnarokOps policy for this repository
        version: 1

        escalation:
          label: escalation::critical

        services:
          - name: checkout
            paths: ["src/Checkout.Api/**", "tests/Checkout.Tests/**"]
            owners: ["@alice", "@dave"]
            keywords: [checkout, cart, coupon, discount, tax, order]
            endpoints: ["/api/checkout", "/api/cart", "/healthz"]
            logs:
              file: logs/checkout.jsonl
              cloud_role: checkout-api

        environments:
          - name: staging
            branch: staging
            replay_url: {{stagingUrl}}
          - name: production
            branch: production
            protected: true

        promotion: [staging, production]

        drift:
          schedule: "0 */6 * * *"
          expected:
            paths: ["docs/**", "**/README.md"]

        actions:
          triage_note: allow
          labels: allow
          regression_test: { mode: allow, min_confidence: 0.5 }
          replay: { mode: allow, min_confidence: 0.5 }
          draft_mr: { mode: require_approval, min_confidence: 0.6 }
          revert: { mode: require_approval, min_confidence: 0.8 }
          rollback: deny

        approval:
          min_access_level: maintainer
          users: ["@carol"]
          timeout: 24h

        """;

    public const string GitLabCi = """
        stages: [build, test, deploy]

        build:
          stage: build
          image: mcr.microsoft.com/dotnet/sdk:10.0
          script: dotnet build -c Release

        test:
          stage: test
          image: mcr.microsoft.com/dotnet/sdk:10.0
          script: dotnet test tests/Checkout.Tests

        deploy-staging:
          stage: deploy
          environment: staging
          script: ./deploy.sh staging

        deploy-production:
          stage: deploy
          environment: production
          when: manual
          script: ./deploy.sh production

        """;

    public static string AppSettings(int timeoutMs, int retries) => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Payments": { "TimeoutMs": {{timeoutMs}}, "Retries": {{retries}} },
          "AllowedHosts": "*"
        }

        """;
}
