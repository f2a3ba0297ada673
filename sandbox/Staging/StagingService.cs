using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Seeding;

namespace RagnarokOps.Sandbox.Staging;

/// <summary>
/// A small staging copy of the checkout sample service on a loopback port: <c>POST /api/checkout</c> and
/// <c>GET /healthz</c>, behaving as the controller on the repository's <c>staging</c> branch does. While that branch
/// carries the culprit (<c>Coupon!.Percent</c>), a cart without a coupon fails with a NullReferenceException (500),
/// as production does; once a fix reaches the branch it answers 200. A replay and the regression test run against it.
/// </summary>
public sealed class StagingService : IAsyncDisposable
{
    public const string FileName = "staging.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;

    private StagingService(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash in the policy's replay_url).</summary>
    public Uri Url { get; }

    /// <summary>Where an earlier start listened (kept in the data folder so a restart serves the seeded replay_url again).</summary>
    public static string? SavedUrl(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<Saved>(File.ReadAllText(path), Json)?.Url : null;
    }

    internal static async Task<StagingService> StartAsync(string dataDirectory, string? url, CancellationToken cancellationToken)
    {
        var repository = new GitRepository(Api.SandboxContext.RepositoryPath(dataDirectory, CheckoutScenario.ProjectPath));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url ?? "http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/api/checkout", (HttpRequest request, CancellationToken ct) => CheckoutAsync(repository, request, ct));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"the staging copy of {CheckoutScenario.ProjectPath} cannot listen on {url} (kept in {Path.Combine(dataDirectory, FileName)}): {e.Message}", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address.TrimEnd('/'));
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, FileName), JsonSerializer.Serialize(new Saved(bound.ToString().TrimEnd('/')), Json), cancellationToken);
        return new StagingService(app, bound);
    }

    private static async Task<IResult> CheckoutAsync(GitRepository repository, HttpRequest request, CancellationToken cancellationToken)
    {
        CheckoutRequest? order;
        try
        {
            order = await JsonSerializer.DeserializeAsync<CheckoutRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            order = null;
        }

        if (order?.Cart is not { } cart)
        {
            return Results.Problem("A non-empty checkout request body is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (cart.Lines is not { Count: > 0 } lines)
        {
            return Results.BadRequest("The cart is empty.");
        }

        var controller = await repository.ReadFileAsync("staging", CheckoutFiles.ControllerPath, cancellationToken);
        var buggy = controller?.Content.Contains("Coupon!.Percent", StringComparison.Ordinal) == true;
        // What the deployed controller does: with the culprit, a missing coupon dereferences null and the request fails with 500.
        var percent = buggy ? cart.Coupon!.Percent : cart.Coupon?.Percent ?? 0m;
        var subtotal = lines.Sum(l => l.Quantity * l.UnitPrice);
        var total = Math.Round(subtotal * (1 - (percent / 100m)), 2, MidpointRounding.AwayFromZero);
        var tax = Math.Round(total * (order.ShippingCountry switch { "DE" => 0.19m, "FR" => 0.20m, "US" => 0.07m, _ => 0m }), 2, MidpointRounding.AwayFromZero);
        return Results.Ok(new { orderId = Guid.NewGuid(), total = total + tax });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private sealed record Saved(string Url);

    private sealed record Coupon(string? Code, decimal Percent);

    private sealed record CartLine(string? Sku, int Quantity, decimal UnitPrice);

    private sealed record Cart(Guid Id, IReadOnlyList<CartLine>? Lines, Coupon? Coupon);

    private sealed record CheckoutRequest(Cart? Cart, string? ShippingCountry);
}
