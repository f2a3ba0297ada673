using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Functions.Dashboard;

namespace RagnarokOps.Functions.Tests.Dashboard;

public sealed class TriageEndpointTests
{
    internal const string FailingLog = """
        $ dotnet test
        Running tests...
        Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null
            at com.shop.Checkout.total(Checkout.java:42)
            at com.shop.Main.main(Main.java:7)
        ERROR: Job failed: exit code 1
        """;

    [Fact]
    public async Task Post_FailingLog_AnswersTriageJsonWithRulesSeverityChunkHintsAndPreventable()
    {
        var (status, body) = await PostAsync(FailingLog, new DashboardOptions());

        Assert.Equal(StatusCodes.Status200OK, status);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.True(root.GetProperty("failure").GetBoolean());
        Assert.Equal("java-npe", root.GetProperty("type").GetProperty("rule").GetString());
        Assert.Equal("java", root.GetProperty("type").GetProperty("category").GetString());
        Assert.Contains(root.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "java-npe");
        Assert.Matches("^P[1-4]$", root.GetProperty("severity").GetProperty("level").GetString());
        Assert.NotEmpty(root.GetProperty("severity").GetProperty("reasons").EnumerateArray());
        var chunk = root.GetProperty("chunk");
        Assert.Equal(3, chunk.GetProperty("startLine").GetInt64());
        Assert.Contains("Checkout.java:42", chunk.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("hints").EnumerateArray(), h => h.GetProperty("ruleId").GetString() == "java-npe" && h.GetProperty("text").GetString()!.Length > 0);
        var preventable = root.GetProperty("preventable");
        Assert.True(preventable.GetProperty("preventable").GetBoolean());
        Assert.Equal("java-npe", preventable.GetProperty("ruleId").GetString());
        Assert.Contains("java-npe", preventable.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HealthyLog_AnswersNoFailureWithTheReason()
    {
        var (status, body) = await PostAsync("Restoring packages\nBuild succeeded.\n3 tests passed\n", new DashboardOptions());

        Assert.Equal(StatusCodes.Status200OK, status);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.False(root.GetProperty("failure").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("reason").GetString()));
        Assert.Equal("none", root.GetProperty("severity").GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("chunk").ValueKind);
        Assert.False(root.GetProperty("preventable").GetProperty("preventable").GetBoolean());
    }

    [Fact]
    public async Task Post_EmptyBody_Answers400()
    {
        var (status, body) = await PostAsync("  \n", new DashboardOptions());

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("empty", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LargerThanTheLimit_Answers413NamingTheSetting()
    {
        var (status, body) = await PostAsync(new string('x', 2048), new DashboardOptions { MaxTriageBytes = 1024 }, sendLength: false);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Contains(DashboardOptions.MaxTriageBytesSetting, body, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string Body)> PostAsync(string log, DashboardOptions options, bool sendLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(log);
        var services = new ServiceCollection().AddLogging().AddRouting().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "text/plain";
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = sendLength ? bytes.Length : null;
        var response = new MemoryStream();
        context.Response.Body = response;

        var result = await TriageEndpoint.PostAsync(context.Request, options, CancellationToken.None);
        await result.ExecuteAsync(context);

        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }
}
