using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Repro;

namespace RagnarokOps.Domain.Tests.Repro;

public sealed class FailingRequestsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromLogs_ServerErrorWithTheTopException_IsChosen()
    {
        var logs = Logs(
            Sample(0, "GET", "/health", 200, null),
            Sample(1, "POST", "/api/cart", 500, "TimeoutException"),
            Sample(2, "POST", "/api/orders", 500, "NullReferenceException"),
            Sample(3, "POST", "/api/orders", 500, "NullReferenceException"),
            Sample(4, null, null, null, "NullReferenceException"));

        var request = FailingRequests.FromLogs(logs, expectedStatus: 201);

        Assert.NotNull(request);
        Assert.Equal(("POST", "/api/orders", 201, 500), (request.Method, request.Path, request.ExpectedStatus, request.ActualStatus));
        Assert.Equal("NullReferenceException: boom at 2", request.ActualError);
        Assert.Empty(request.Headers);
    }

    [Fact]
    public void FromLogs_LoggedJsonBody_IsSentWithAJsonContentType()
    {
        const string Body = """{"cart":{"lines":[{"sku":"A","quantity":1,"unitPrice":10}],"coupon":null}}""";
        var logs = Logs(
            Sample(0, "POST", "/api/orders", 500, "NullReferenceException"),
            Sample(1, "POST", "/api/orders", 500, "NullReferenceException") with { RequestBody = Body });

        var request = FailingRequests.FromLogs(logs)!;

        Assert.Equal(Body, request.Body);
        Assert.Equal(new KeyValuePair<string, string>("Content-Type", "application/json"), Assert.Single(request.Headers));
    }

    [Fact]
    public void FromLogs_LoggedTextBody_IsSentWithoutAContentType()
    {
        var request = FailingRequests.FromLogs(Logs(Sample(0, "POST", "/api/orders", 500, "NullReferenceException") with { RequestBody = "sku=A&qty=1" }))!;

        Assert.Equal("sku=A&qty=1", request.Body);
        Assert.Empty(request.Headers);
    }

    [Fact]
    public void FromLogs_NoSampleWithARequest_IsNull()
    {
        Assert.Null(FailingRequests.FromLogs(Logs(Sample(0, null, "/x", 500, "E"))));
        Assert.Null(FailingRequests.FromLogs(null));
    }

    private static LogEvidence Logs(params LogSample[] samples) => new(
        "checkout",
        "log-file",
        new TimeWindow(T0, T0.AddHours(1)),
        [],
        [new ExceptionSummary("NullReferenceException", "boom", 40, T0, T0.AddMinutes(30)), new ExceptionSummary("TimeoutException", "slow", 3, T0, T0)],
        samples,
        []);

    private static LogSample Sample(int minute, string? method, string? path, int? status, string? exception) =>
        new(T0.AddMinutes(minute), "Error", $"boom at {minute}", exception, [], method, path, status, null);
}
