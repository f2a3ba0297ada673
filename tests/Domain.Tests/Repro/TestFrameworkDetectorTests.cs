using RagnarokOps.Domain.Repro;

namespace RagnarokOps.Domain.Tests.Repro;

public sealed class TestFrameworkDetectorTests
{
    public static TheoryData<string, TestFramework, string, string?> Repositories => new()
    {
        { "xunit", TestFramework.XUnit, "tests/Checkout.Api.Tests/Regression", "Shop.Checkout.Api.Tests.Regression" },
        { "nunit", TestFramework.NUnit, "Checkout.Tests/Regression", "Checkout.Tests.Regression" },
        { "mstest", TestFramework.MSTest, "test/Checkout.UnitTests/Regression", "Checkout.UnitTests.Regression" },
        { "pytest", TestFramework.Pytest, "tests", null },
        { "jest", TestFramework.Jest, "src/__tests__", null },
        { "vitest", TestFramework.Vitest, "web/test", null },
        { "go", TestFramework.GoTest, "regression", "regression" },
        { "junit", TestFramework.JUnit5, "src/test/java/com/shop/checkout", "com.shop.checkout" },
        { "gradle", TestFramework.JUnit5, "app/src/test/java/regression", "regression" },
        { "plain", TestFramework.ShellScript, "regression", null },
    };

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Detect_RealisticRepository_FindsFrameworkFolderAndNamespace(string repository, TestFramework framework, string directory, string? ns)
    {
        var layout = TestFrameworkDetector.Detect(Sample(repository));

        Assert.Equal(framework, layout.Framework);
        Assert.Equal(directory, layout.Directory);
        Assert.Equal(ns, layout.Namespace);
    }

    [Fact]
    public void Detect_TypeScriptVitest_IsMarkedTypeScript()
    {
        Assert.True(TestFrameworkDetector.Detect(ReproSamples.VitestRepo()).TypeScript);
        Assert.False(TestFrameworkDetector.Detect(ReproSamples.JestRepo()).TypeScript);
    }

    [Fact]
    public void Detect_PytestFromRequirementsAlone_UsesTheFolderOfExistingTests()
    {
        var repository = ReproSamples.Repo(["svc/test/test_api.py", "svc/app.py"], ("requirements.txt", "flask==3.0\npytest>=8\n"));

        var layout = TestFrameworkDetector.Detect(repository);

        Assert.Equal(new TestLayout(TestFramework.Pytest, "svc/test"), layout);
    }

    [Fact]
    public void Detect_PackageJsonThatDoesNotParse_FallsBackToScript()
    {
        var repository = ReproSamples.Repo(["index.js"], ("package.json", "{ \"devDependencies\": { \"jest\": "));

        Assert.Equal(TestFramework.ShellScript, TestFrameworkDetector.Detect(repository).Framework);
    }

    [Fact]
    public void Detect_CsprojWithoutTestFramework_IsNotATestProject()
    {
        var repository = ReproSamples.Repo(["src/Api/Program.cs"], ("src/Api/Api.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web" />"""));

        Assert.Equal(TestFramework.ShellScript, TestFrameworkDetector.Detect(repository).Framework);
    }

    internal static RepositorySnapshot Sample(string name) => name switch
    {
        "xunit" => ReproSamples.XunitRepo(),
        "nunit" => ReproSamples.NUnitRepo(),
        "mstest" => ReproSamples.MSTestRepo(),
        "pytest" => ReproSamples.PytestRepo(),
        "jest" => ReproSamples.JestRepo(),
        "vitest" => ReproSamples.VitestRepo(),
        "go" => ReproSamples.GoRepo(),
        "junit" => ReproSamples.JUnitRepo(),
        "gradle" => ReproSamples.GradleRepo(),
        _ => ReproSamples.PlainRepo(),
    };
}
