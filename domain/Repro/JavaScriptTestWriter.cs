using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>A Jest or Vitest regression test using the runtime's fetch (Node 18+); TypeScript gets a typed header map.</summary>
internal static class JavaScriptTestWriter
{
    public static string Write(RegressionCase c, TestLayout layout)
    {
        var r = c.Request;
        var s = new StringBuilder()
            .Append("// ").Append(c.Marker).Append('\n')
            .Append("// ").Append(c.Description).Append('\n')
            .Append("// It fails while the bug is present. Credentials, if the request needs them, come from REPRO_* variables.\n");
        if (layout.Framework == TestFramework.Vitest)
        {
            s.Append("import { expect, test } from \"vitest\";\n");
        }

        s.Append('\n').Append("test(").Append(CodeText.JavaScript($"{c.Marker}: {c.FailureMessage}")).Append(", async () => {\n")
         .Append("  const baseUrl = process.env[").Append(CodeText.JavaScript(c.StagingVariable)).Append("] ?? \"\";\n")
         .Append("  if (!baseUrl) {\n    throw new Error(").Append(CodeText.JavaScript(c.MissingStagingMessage)).Append(");\n  }\n")
         .Append("  const headers").Append(layout.TypeScript ? ": Record<string, string>" : string.Empty).Append(" = {")
         .Append(string.Join(", ", r.LiteralHeaders.Select(h => $"{CodeText.JavaScript(h.Name)}: {CodeText.JavaScript(h.Value!)}"))).Append("};\n");
        foreach (var h in r.SecretHeaders)
        {
            s.Append("  const ").Append(Local(h)).Append(" = process.env[").Append(CodeText.JavaScript(h.EnvironmentVariable!)).Append("];\n")
             .Append("  if (").Append(Local(h)).Append(") {\n    headers[").Append(CodeText.JavaScript(h.Name)).Append("] = ").Append(Local(h)).Append(";\n  }\n");
        }

        // fetch refuses a body on GET and HEAD.
        var body = r.Body is null || r.Method is "GET" or "HEAD" ? "undefined" : CodeText.JavaScript(r.Body);
        return s.Append("  const response = await fetch(baseUrl.replace(/\\/+$/, \"\") + ").Append(CodeText.JavaScript(r.PathAndQuery))
            .Append(", {\n    method: ").Append(CodeText.JavaScript(r.Method)).Append(",\n    headers,\n    body: ").Append(body).Append(",\n    redirect: \"manual\",\n  });\n")
            .Append("  expect(response.status).toBe(").Append(r.ExpectedStatus).Append(");\n")
            .Append("});\n")
            .ToString();
    }

    private static string Local(SafeHeader h) => "secret" + CodeText.Pascal(CodeText.Words(h.Name));
}
