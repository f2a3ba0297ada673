using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>A C# regression test for xunit, NUnit or MSTest, sending the request with HttpClient (no redirects followed).</summary>
internal static class DotNetTestWriter
{
    public static string Write(RegressionCase c, TestLayout layout)
    {
        var (usingLine, classAttribute, methodAttribute, assertEqual, assertHasUrl) = layout.Framework switch
        {
            TestFramework.NUnit => ("using NUnit.Framework;", "[TestFixture]\n", "[Test]", "Assert.That((int)response.StatusCode, Is.EqualTo({0}), {1});", "Assert.That(string.IsNullOrWhiteSpace(baseUrl), Is.False, {0});"),
            TestFramework.MSTest => ("using Microsoft.VisualStudio.TestTools.UnitTesting;", "[TestClass]\n", "[TestMethod]", "Assert.AreEqual({0}, (int)response.StatusCode, {1});", "Assert.IsFalse(string.IsNullOrWhiteSpace(baseUrl), {0});"),
            _ => ("using Xunit;", string.Empty, "[Fact]", "Assert.Equal({0}, (int)response.StatusCode);", "Assert.False(string.IsNullOrWhiteSpace(baseUrl), {0});"),
        };
        var r = c.Request;
        var s = new StringBuilder()
            .Append("// ").Append(c.Marker).Append('\n')
            .Append("// ").Append(c.Description).Append('\n')
            .Append("// It fails while the bug is present. Credentials, if the request needs them, come from REPRO_* variables.\n")
            .Append("using System;\nusing System.Net.Http;\nusing System.Text;\nusing System.Threading.Tasks;\n").Append(usingLine).Append("\n\n")
            .Append("namespace ").Append(layout.Namespace ?? "Regression").Append(";\n\n")
            .Append(classAttribute).Append("public sealed class ").Append(c.Pascal).Append("RegressionTests\n{\n")
            .Append("    ").Append(methodAttribute).Append('\n')
            .Append("    public async Task ").Append(c.TestPascal).Append("()\n    {\n")
            .Append("        var baseUrl = Environment.GetEnvironmentVariable(").Append(CodeText.CSharp(c.StagingVariable)).Append(");\n")
            .Append("        ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, assertHasUrl, CodeText.CSharp(c.MissingStagingMessage)).Append('\n')
            .Append("        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });\n")
            .Append("        using var request = new HttpRequestMessage(new HttpMethod(").Append(CodeText.CSharp(r.Method)).Append("), new Uri(baseUrl!.TrimEnd('/') + ")
            .Append(CodeText.CSharp(r.PathAndQuery)).Append("));\n");
        if (r.Body is not null)
        {
            s.Append("        request.Content = new StringContent(").Append(CodeText.CSharp(r.Body)).Append(", Encoding.UTF8);\n")
             .Append("        request.Content.Headers.Remove(\"Content-Type\");\n");
        }

        foreach (var h in r.LiteralHeaders)
        {
            var target = h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) ? (r.Body is null ? null : "request.Content.Headers") : "request.Headers";
            if (target is not null)
            {
                s.Append("        ").Append(target).Append(".TryAddWithoutValidation(").Append(CodeText.CSharp(h.Name)).Append(", ").Append(CodeText.CSharp(h.Value!)).Append(");\n");
            }
        }

        foreach (var h in r.SecretHeaders)
        {
            s.Append("        if (Environment.GetEnvironmentVariable(").Append(CodeText.CSharp(h.EnvironmentVariable!)).Append(") is { Length: > 0 } ").Append(Local(h)).Append(")\n")
             .Append("        {\n            request.Headers.TryAddWithoutValidation(").Append(CodeText.CSharp(h.Name)).Append(", ").Append(Local(h)).Append(");\n        }\n");
        }

        return s.Append("\n        using var response = await client.SendAsync(request);\n\n")
            .Append("        ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, assertEqual, r.ExpectedStatus, CodeText.CSharp(c.FailureMessage)).Append('\n')
            .Append("    }\n}\n")
            .ToString();
    }

    private static string Local(SafeHeader h) => "secret" + CodeText.Pascal(CodeText.Words(h.Name));
}
