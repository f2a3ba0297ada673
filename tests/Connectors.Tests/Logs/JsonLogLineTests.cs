using RagnarokOps.Connectors.Logs;

namespace RagnarokOps.Connectors.Tests.Logs;

public sealed class JsonLogLineTests
{
    [Theory]
    [InlineData("""{"timestamp":"2024-05-01T12:00:00Z","level":"Error","http_method":"POST","path":"/api/checkout","status":500,"request_body":"{\"cart\":{\"coupon\":null}}"}""", "{\"cart\":{\"coupon\":null}}")]
    [InlineData("""{"@timestamp":"2024-05-01T12:00:00Z","log.level":"error","http":{"request":{"method":"POST","body":{"content":"sku=A"}}},"url":{"path":"/api/checkout"}}""", "sku=A")]
    [InlineData("""{"timestamp":"2024-05-01T12:00:00Z","level":"Error","method":"POST","path":"/api/checkout","RequestBody":{"cart":{"coupon":null}}}""", "{\"cart\":{\"coupon\":null}}")]
    public void Parse_LoggedRequestBody_IsKeptWithTheMethod(string line, string body)
    {
        var record = JsonLogLine.Parse(line)!;

        Assert.Equal(("POST", "/api/checkout"), (record.RequestMethod, record.RequestPath));
        Assert.Equal(body, record.RequestBody);
    }

    [Fact]
    public void Parse_ClefWithoutLevel_IsInformation()
    {
        var record = JsonLogLine.Parse("""{"@t":"2024-05-01T12:00:00Z","@mt":"Started {Name}"}""");

        Assert.Equal(("information", "Started {Name}"), (record!.Level, record.Message));
        Assert.False(record.IsError);
    }

    [Fact]
    public void Parse_EcsNestedFields_ReadsLevelErrorAndHttp()
    {
        var record = JsonLogLine.Parse("""
            {"@timestamp":"2024-05-01T12:00:00.5+02:00","log":{"level":"ERROR"},"message":"boom","error":{"type":"java.lang.IllegalStateException","message":"bad state","stack_trace":"java.lang.IllegalStateException: bad state\n\tat com.shop.Cart.add(Cart.java:31)"},"http":{"request":{"method":"PUT"},"response":{"status_code":502}},"url":{"path":"/cart"},"trace":{"id":"abc"},"service":{"name":"cart"}}
            """);

        Assert.NotNull(record);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 500, TimeSpan.Zero), record.Timestamp);
        Assert.Equal(("error", "java.lang.IllegalStateException", "bad state"), (record.Level, record.ExceptionType, record.ExceptionMessage));
        Assert.Equal(["at com.shop.Cart.add(Cart.java:31)"], record.StackFrames);
        Assert.Equal(("PUT", "/cart", 502, "cart"), (record.RequestMethod, record.RequestPath, record.StatusCode, record.Service));
    }

    [Theory]
    [InlineData("""{"time":1714564800,"level":30,"msg":"seconds"}""", "information")]
    [InlineData("""{"time":1714564800000,"level":60,"msg":"millis"}""", "fatal")]
    public void Parse_EpochTimesAndNumericLevels_AreUnderstood(string line, string level)
    {
        var record = JsonLogLine.Parse(line);

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), record!.Timestamp);
        Assert.Equal(level, record.Level);
    }

    [Theory]
    [InlineData("""{"message":"no time"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"timestamp":"yesterday","message":"x"}""")]
    [InlineData("""{"timestamp":"2024-05-01T12:00:00Z",""")]
    public void Parse_NotARecord_IsNull(string line) => Assert.Null(JsonLogLine.Parse(line));
}
