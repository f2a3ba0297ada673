using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>A JUnit 5 regression test over java.net.http (Java 11+), which follows no redirects by default.</summary>
internal static class JUnitTestWriter
{
    public static string ClassName(RegressionCase c) => c.Pascal + "RegressionTest";

    public static string Write(RegressionCase c, TestLayout layout)
    {
        var r = c.Request;
        var s = new StringBuilder()
            .Append("// ").Append(c.Marker).Append('\n')
            .Append("// ").Append(c.Description).Append('\n')
            .Append("// It fails while the bug is present. Credentials, if the request needs them, come from REPRO_* variables.\n")
            .Append("package ").Append(layout.Namespace ?? "regression").Append(";\n\n")
            .Append("import static org.junit.jupiter.api.Assertions.assertEquals;\nimport static org.junit.jupiter.api.Assertions.assertNotNull;\n\n")
            .Append("import java.net.URI;\nimport java.net.http.HttpClient;\nimport java.net.http.HttpRequest;\nimport java.net.http.HttpResponse;\n")
            .Append("import org.junit.jupiter.api.Test;\n\n")
            .Append("class ").Append(ClassName(c)).Append(" {\n")
            .Append("    @Test\n    void ").Append(c.TestCamel).Append("() throws Exception {\n")
            .Append("        String baseUrl = System.getenv(").Append(CodeText.Java(c.StagingVariable)).Append(");\n")
            .Append("        assertNotNull(baseUrl, ").Append(CodeText.Java(c.MissingStagingMessage)).Append(");\n")
            .Append("        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll(\"/+$\", \"\") + ").Append(CodeText.Java(r.PathAndQuery)).Append("))\n")
            .Append("            .method(").Append(CodeText.Java(r.Method)).Append(", ")
            .Append(r.Body is null ? "HttpRequest.BodyPublishers.noBody()" : $"HttpRequest.BodyPublishers.ofString({CodeText.Java(r.Body)})").Append(");\n");
        foreach (var h in r.LiteralHeaders)
        {
            s.Append("        request.header(").Append(CodeText.Java(h.Name)).Append(", ").Append(CodeText.Java(h.Value!)).Append(");\n");
        }

        foreach (var h in r.SecretHeaders)
        {
            s.Append("        String ").Append(Local(h)).Append(" = System.getenv(").Append(CodeText.Java(h.EnvironmentVariable!)).Append(");\n")
             .Append("        if (").Append(Local(h)).Append(" != null && !").Append(Local(h)).Append(".isEmpty()) {\n")
             .Append("            request.header(").Append(CodeText.Java(h.Name)).Append(", ").Append(Local(h)).Append(");\n        }\n");
        }

        return s.Append("        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());\n")
            .Append("        assertEquals(").Append(r.ExpectedStatus).Append(", response.statusCode(), ").Append(CodeText.Java(c.FailureMessage)).Append(");\n")
            .Append("    }\n}\n")
            .ToString();
    }

    private static string Local(SafeHeader h) => "secret" + CodeText.Pascal(CodeText.Words(h.Name));
}
