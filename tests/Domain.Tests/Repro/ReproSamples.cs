using RagnarokOps.Domain.Repro;

namespace RagnarokOps.Domain.Tests.Repro;

/// <summary>Realistic repositories and a failing checkout request shared by the repro tests.</summary>
internal static class ReproSamples
{
    public const string BearerToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0b21lci00MiJ9.c2lnbmF0dXJlLWJ5dGVz";
    public const string CardPassword = "s3cr3t-P@ss";

    public static FailingRequest Checkout(string path = "/api/orders?coupon=SPRING&access_token=tok-123456", string? body = null) => new(
        "post",
        path,
        [
            new("Host", "checkout.prod.example.com"),
            new("Authorization", "Bearer " + BearerToken),
            new("Content-Type", "application/json"),
            new("X-Api-Key", "k-987654321"),
            new("Cookie", "session=abcdef"),
            new("Accept", "application/json"),
        ],
        body ?? $$$"""{"sku":"SKU-1","qty":2,"payment":{"card":"4111","password":"{{{CardPassword}}}"}}""",
        201,
        500,
        "NullReferenceException at CheckoutService.PriceAsync; Server=db;Password=hunter2;Database=shop");

    public static ReproInput Input(RepositorySnapshot repository, FailingRequest? request = null) =>
        new("checkout#42", "checkout", request ?? Checkout(), repository);

    public static RepositorySnapshot Repo(string[] files, params (string Path, string Content)[] manifests) =>
        new(files.Concat(manifests.Select(m => m.Path)).Distinct().ToList(), manifests.ToDictionary(m => m.Path, m => m.Content));

    public static RepositorySnapshot XunitRepo() => Repo(
        ["src/Checkout.Api/Program.cs", "tests/Checkout.Api.Tests/OrdersTests.cs", "tests/Checkout.Domain.Tests/PriceTests.cs", "Checkout.sln"],
        ("src/Checkout.Api/Checkout.Api.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>"""),
        ("tests/Checkout.Domain.Tests/Checkout.Domain.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="xunit" Version="2.9.3" /><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.0.0" /></ItemGroup>
            </Project>
            """),
        ("tests/Checkout.Api.Tests/Checkout.Api.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><RootNamespace>Shop.Checkout.Api.Tests</RootNamespace></PropertyGroup>
              <ItemGroup><PackageReference Include="xunit" Version="2.9.3" /><PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" /></ItemGroup>
            </Project>
            """));

    public static RepositorySnapshot NUnitRepo() => Repo(
        ["Checkout.Tests/CartTests.cs"],
        ("Checkout.Tests/Checkout.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="NUnit" Version="4.2.2" /><PackageReference Include="NUnit3TestAdapter" Version="4.6.0" /></ItemGroup></Project>"""));

    public static RepositorySnapshot MSTestRepo() => Repo(
        ["test/Checkout.UnitTests/CartTests.cs"],
        ("test/Checkout.UnitTests/Checkout.UnitTests.csproj", """<Project Sdk="MSTest.Sdk/3.6.1"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>"""));

    public static RepositorySnapshot PytestRepo() => Repo(
        ["app/main.py", "tests/test_orders.py", "tests/test_cart.py", "tests/conftest.py", "requirements.txt", "requirements-dev.txt"],
        ("pyproject.toml", "[project]\nname = \"checkout\"\n\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n"),
        ("requirements-dev.txt", "pytest==8.3.3\nhttpx==0.27.0\n"));

    public static RepositorySnapshot JestRepo() => Repo(
        ["src/server.js", "src/__tests__/orders.test.js", "src/__tests__/cart.test.js"],
        ("package.json", """{ "name": "checkout", "scripts": { "test": "jest" }, "devDependencies": { "jest": "^29.7.0", "supertest": "^7.0.0" } }"""));

    public static RepositorySnapshot VitestRepo() => Repo(
        ["web/src/app.ts", "web/test/orders.spec.ts", "web/tsconfig.json"],
        ("web/package.json", """{ "name": "checkout-web", "type": "module", "devDependencies": { "vitest": "^2.1.0", "typescript": "^5.6.0" } }"""));

    public static RepositorySnapshot GoRepo() => Repo(
        ["main.go", "internal/orders/orders.go", "internal/orders/orders_test.go", "package.json"],
        ("go.mod", "module example.com/checkout\n\ngo 1.22\n"),
        ("package.json", """{ "devDependencies": { "jest": "^29.0.0" } }"""));

    public static RepositorySnapshot JUnitRepo() => Repo(
        ["src/main/java/com/shop/checkout/App.java", "src/test/java/com/shop/checkout/AppTest.java", "src/test/java/com/shop/checkout/orders/OrdersTest.java"],
        ("pom.xml", """
            <project><groupId>com.shop</groupId><artifactId>checkout</artifactId>
              <dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.11.0</version><scope>test</scope></dependency></dependencies>
            </project>
            """));

    public static RepositorySnapshot GradleRepo() => Repo(
        ["app/src/main/java/shop/App.java"],
        ("app/build.gradle.kts", "plugins { java }\ntasks.test { useJUnitPlatform() }\ndependencies { testImplementation(\"org.junit.jupiter:junit-jupiter:5.11.0\") }\n"));

    public static RepositorySnapshot PlainRepo() => Repo(["README.md", "deploy/app.yaml", "src/handler.rb"], ("Gemfile", "gem 'sinatra'\n"));
}
