using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>A pytest regression test on the standard library alone (urllib), so it needs no new dependency.</summary>
internal static class PytestWriter
{
    public static string Write(RegressionCase c)
    {
        var r = c.Request;
        var s = new StringBuilder()
            .Append("# ").Append(c.Marker).Append('\n')
            .Append("# ").Append(c.Description).Append('\n')
            .Append("# It fails while the bug is present. Credentials, if the request needs them, come from REPRO_* variables.\n")
            .Append("import os\nimport urllib.error\nimport urllib.request\n\n\n")
            .Append("class _NoRedirect(urllib.request.HTTPRedirectHandler):\n")
            .Append("    def redirect_request(self, req, fp, code, msg, headers, newurl):\n        return None\n\n\n")
            .Append("def test_").Append(c.Snake).Append('_').Append(c.TestSnake).Append("():\n")
            .Append("    base_url = os.environ.get(").Append(CodeText.Python(c.StagingVariable)).Append(", \"\")\n")
            .Append("    assert base_url, ").Append(CodeText.Python(c.MissingStagingMessage)).Append('\n')
            .Append("    headers = {");
        s.Append(string.Join(", ", r.LiteralHeaders.Select(h => $"{CodeText.Python(h.Name)}: {CodeText.Python(h.Value!)}"))).Append("}\n");
        foreach (var h in r.SecretHeaders)
        {
            s.Append("    if os.environ.get(").Append(CodeText.Python(h.EnvironmentVariable!)).Append("):\n")
             .Append("        headers[").Append(CodeText.Python(h.Name)).Append("] = os.environ[").Append(CodeText.Python(h.EnvironmentVariable!)).Append("]\n");
        }

        s.Append("    body = ").Append(r.Body is null ? "None" : CodeText.Python(r.Body) + ".encode(\"utf-8\")").Append('\n')
         .Append("    request = urllib.request.Request(base_url.rstrip(\"/\") + ").Append(CodeText.Python(r.PathAndQuery))
         .Append(", data=body, headers=headers, method=").Append(CodeText.Python(r.Method)).Append(")\n")
         .Append("    try:\n        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as response:\n            status = response.status\n")
         .Append("    except urllib.error.HTTPError as error:\n        status = error.code\n")
         .Append("    assert status == ").Append(r.ExpectedStatus).Append(", ").Append(CodeText.Python(c.FailureMessage)).Append(" + \" Got %d.\" % status\n");
        return s.ToString();
    }
}
