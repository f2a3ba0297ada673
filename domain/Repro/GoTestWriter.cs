using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>A Go test in a package of its own (standard library only), formatted as gofmt would format it.</summary>
internal static class GoTestWriter
{
    public static string Write(RegressionCase c, TestLayout layout)
    {
        var r = c.Request;
        var s = new StringBuilder()
            .Append("// ").Append(c.Marker).Append('\n')
            .Append("// ").Append(c.Description).Append('\n')
            .Append("// It fails while the bug is present. Credentials, if the request needs them, come from REPRO_* variables.\n\n")
            .Append("package ").Append(layout.Namespace ?? "regression").Append("\n\n")
            .Append("import (\n\t\"net/http\"\n\t\"os\"\n\t\"strings\"\n\t\"testing\"\n)\n\n")
            .Append("func Test").Append(c.Pascal).Append(c.TestPascal).Append("(t *testing.T) {\n")
            .Append("\tbaseURL := os.Getenv(").Append(CodeText.Go(c.StagingVariable)).Append(")\n")
            .Append("\tif baseURL == \"\" {\n\t\tt.Fatal(").Append(CodeText.Go(c.MissingStagingMessage)).Append(")\n\t}\n")
            .Append("\treq, err := http.NewRequest(").Append(CodeText.Go(r.Method)).Append(", strings.TrimRight(baseURL, \"/\")+").Append(CodeText.Go(r.PathAndQuery))
            .Append(", ").Append(r.Body is null ? "http.NoBody" : $"strings.NewReader({CodeText.Go(r.Body)})").Append(")\n")
            .Append("\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n");
        foreach (var h in r.LiteralHeaders)
        {
            s.Append("\treq.Header.Set(").Append(CodeText.Go(h.Name)).Append(", ").Append(CodeText.Go(h.Value!)).Append(")\n");
        }

        foreach (var h in r.SecretHeaders)
        {
            s.Append("\tif value := os.Getenv(").Append(CodeText.Go(h.EnvironmentVariable!)).Append("); value != \"\" {\n")
             .Append("\t\treq.Header.Set(").Append(CodeText.Go(h.Name)).Append(", value)\n\t}\n");
        }

        return s.Append("\tclient := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}\n")
            .Append("\tresp, err := client.Do(req)\n")
            .Append("\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n")
            .Append("\tdefer resp.Body.Close()\n")
            .Append("\tif resp.StatusCode != ").Append(r.ExpectedStatus).Append(" {\n")
            .Append("\t\tt.Fatalf(\"%s: got %d\", ").Append(CodeText.Go(c.FailureMessage)).Append(", resp.StatusCode)\n\t}\n")
            .Append("}\n")
            .ToString();
    }
}
