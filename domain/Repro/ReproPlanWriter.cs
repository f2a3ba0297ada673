using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>The repro plan as ordered Markdown steps: preconditions, the curl command, expected vs actual, the test.</summary>
internal static class ReproPlanWriter
{
    public static string Write(ReproInput input, RegressionCase c, TestLayout layout, GeneratedFile script, GeneratedFile test)
    {
        var r = c.Request;
        var s = new StringBuilder()
            .Append("### Repro plan: ").Append(CodeText.InlineCode(input.ServiceName)).Append(' ').Append(CodeText.InlineCode(input.CaseId)).Append("\n\n")
            .Append("1. **Preconditions.** Staging runs the suspect version of ").Append(CodeText.InlineCode(input.ServiceName))
            .Append(", and ").Append(CodeText.InlineCode(c.StagingVariable)).Append(" holds its base URL (never production).");
        var secrets = r.SecretHeaders.ToList();
        if (secrets.Count > 0)
        {
            s.Append(" The request carried credentials, redacted here; export your own staging values as ")
             .Append(string.Join(", ", secrets.Select(h => $"{CodeText.InlineCode(h.EnvironmentVariable!)} ({CodeText.InlineCode(h.Name)})"))).Append('.');
        }

        s.Append("\n2. **Send the failing request** (also saved as ").Append(CodeText.InlineCode(script.Path)).Append("):\n\n")
         .Append(Indent(CodeText.Fence("sh", CurlScriptWriter.OneCommand(c)))).Append("\n\n")
         .Append("3. **Compare.** Expected status ").Append(CodeText.InlineCode($"{r.ExpectedStatus}")).Append("; while the bug is present it answers ")
         .Append(CodeText.InlineCode(r.ActualText)).Append(".\n")
         .Append("4. **Regression test** (").Append(FrameworkName(layout)).Append("): ").Append(CodeText.InlineCode(test.Path))
         .Append(" sends the same request and fails until the fix is deployed. Run it with ").Append(CodeText.InlineCode(RunCommand(layout, test, c))).Append(".\n");
        return s.ToString();
    }

    public static string FrameworkName(TestLayout layout) => layout.Framework switch
    {
        TestFramework.XUnit => "xunit",
        TestFramework.NUnit => "NUnit",
        TestFramework.MSTest => "MSTest",
        TestFramework.Pytest => "pytest",
        TestFramework.Jest => "Jest",
        TestFramework.Vitest => "Vitest",
        TestFramework.GoTest => "go test",
        TestFramework.JUnit5 => "JUnit 5",
        _ => "shell script",
    };

    private static string RunCommand(TestLayout layout, GeneratedFile test, RegressionCase c) => layout.Framework switch
    {
        TestFramework.XUnit or TestFramework.NUnit or TestFramework.MSTest => $"dotnet test --filter FullyQualifiedName~{c.Pascal}RegressionTests",
        TestFramework.Pytest => $"pytest {test.Path}",
        TestFramework.Jest => $"npx jest {test.Path}",
        TestFramework.Vitest => $"npx vitest run {test.Path}",
        TestFramework.GoTest => $"go test ./{layout.Directory}/...",
        TestFramework.JUnit5 => $"mvn test -Dtest={JUnitTestWriter.ClassName(c)} (or gradle test --tests {JUnitTestWriter.ClassName(c)})",
        _ => $"sh {test.Path}",
    };

    private static string Indent(string block) => string.Join('\n', block.Split('\n').Select(l => "   " + l));
}
