namespace RagnarokOps.Domain.Repro;

/// <summary>
/// Turns the failing request into a repro plan, a curl script and a regression test in the repository's own
/// framework that targets the staging URL and fails while the bug is present. Pure: no I/O, no clock.
/// Nothing it returns contains a credential from the request.
/// </summary>
public static class ReproPlanner
{
    public static ReproArtifacts Build(ReproInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var layout = TestFrameworkDetector.Detect(input.Repository);
        var regression = RegressionCase.From(input, SafeRequest.From(input.Request));
        var script = new GeneratedFile($"repro/{regression.Snake}.sh", CurlScriptWriter.Script(regression));
        var test = new GeneratedFile(TestPath(layout, regression), layout.Framework switch
        {
            TestFramework.XUnit or TestFramework.NUnit or TestFramework.MSTest => DotNetTestWriter.Write(regression, layout),
            TestFramework.Pytest => PytestWriter.Write(regression),
            TestFramework.Jest or TestFramework.Vitest => JavaScriptTestWriter.Write(regression, layout),
            TestFramework.GoTest => GoTestWriter.Write(regression, layout),
            TestFramework.JUnit5 => JUnitTestWriter.Write(regression, layout),
            _ => script.Content,
        });
        var plan = ReproPlanWriter.Write(input, regression, layout, script, test);
        return new ReproArtifacts(layout, plan, script, test, regression.Marker);
    }

    private static string TestPath(TestLayout layout, RegressionCase c)
    {
        var file = layout.Framework switch
        {
            TestFramework.XUnit or TestFramework.NUnit or TestFramework.MSTest => $"{c.Pascal}RegressionTests.cs",
            TestFramework.Pytest => $"test_regression_{c.Snake}.py",
            TestFramework.Jest or TestFramework.Vitest => $"regression-{c.Snake.Replace('_', '-')}.test.{(layout.TypeScript ? "ts" : "js")}",
            TestFramework.GoTest => $"{c.Snake}_regression_test.go",
            TestFramework.JUnit5 => $"{JUnitTestWriter.ClassName(c)}.java",
            _ => $"{c.Snake}.sh",
        };
        return layout.Directory.Length == 0 ? file : $"{layout.Directory.TrimEnd('/')}/{file}";
    }
}
