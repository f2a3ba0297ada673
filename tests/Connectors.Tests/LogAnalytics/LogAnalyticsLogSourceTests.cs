using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.LogAnalytics;
using RagnarokOps.Connectors.Logs;
using RagnarokOps.Connectors.Tests.Http;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

public sealed class LogAnalyticsLogSourceTests
{
    private const string Workspace = "6f1d5e8a-2b7c-4c11-9d3e-0a1b2c3d4e5f";
    private static readonly TimeWindow Window = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 1, 12, 5, 0, TimeSpan.Zero));

    private readonly FakeHttpMessageHandler _handler = new();

    private LogAnalyticsLogSource Source()
    {
        var options = new LogAnalyticsOptions { WorkspaceId = Workspace, MaxRetries = 0 };
        var client = new LogAnalyticsClient(options, new FakeTokenCredential(), new ListLogger<LogAnalyticsClient>(), new HttpClientTransport(new HttpClient(_handler)));
        return new LogAnalyticsLogSource(client, Options.Create(options), new ListLogger<LogAnalyticsLogSource>());
    }

    [Fact]
    public async Task GatherAsync_RecordedAnswers_MapsIntoLogEvidence()
    {
        _handler.Then(HttpStatusCode.OK, "errors-per-minute.json").Then(HttpStatusCode.OK, "top-exceptions.json").Then(HttpStatusCode.OK, "samples.json");

        var result = await Source().GatherAsync(new LogQuery("orders", Window, CloudRole: "orders-api"), CancellationToken.None);

        var evidence = Assert.IsType<LogEvidence>(result.Evidence);
        Assert.Equal("log-analytics", evidence.Source);
        Assert.Equal(5, evidence.ErrorsPerMinute.Count);
        Assert.Equal(new ErrorBucket(Window.From.AddMinutes(1), 0, 0), evidence.ErrorsPerMinute[1]);
        Assert.Equal(new ErrorBucket(Window.From.AddMinutes(3), 27, 44), evidence.ErrorsPerMinute[3]);
        Assert.Equal("System.InvalidOperationException", evidence.TopExceptions[0].Type);
        Assert.Equal(25, evidence.TopExceptions[0].Count);
        Assert.Equal(3, evidence.Samples.Count);
        var first = evidence.Samples[0];
        Assert.Equal("at Orders.Api.Pricing.DiscountService.Apply in /src/Orders.Api/Pricing/DiscountService.cs:line 42", first.StackFrames[1]);
        Assert.Equal(("POST", 500, "4bf92f3577b34da6a3ce929d0e0e4736"), (first.RequestMethod, first.StatusCode, first.RequestId));
        Assert.Null(evidence.Samples[1].ExceptionType);
        Assert.Equal(503, evidence.Samples[1].StatusCode);
        Assert.Equal(["at Orders.Api.Db.Query() in /src/Orders.Api/Db.cs:line 17"], evidence.Samples[2].StackFrames);
        Assert.Empty(evidence.Warnings);

        using var sent = JsonDocument.Parse(_handler.Requests[0].Body!);
        Assert.StartsWith("let cloudRole = \"orders-api\";", sent.RootElement.GetProperty("query").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherAsync_Forbidden_IsMissingWithTheServiceReason()
    {
        _handler.Then(HttpStatusCode.Forbidden, "forbidden.json");

        var result = await Source().GatherAsync(new LogQuery("orders", Window), CancellationToken.None);

        Assert.False(result.Found);
        var missing = result.ToMissingEvidence();
        Assert.Equal("logs", missing.Source);
        Assert.Contains("403 (InsufficientAccessError)", missing.Reason, StringComparison.Ordinal);
        Assert.Contains(Workspace, missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherAsync_PartialErrorAndFailedSampleQuery_KeepsEvidenceWithWarnings()
    {
        _handler.Then(HttpStatusCode.OK, "partial-error.json").Then(HttpStatusCode.OK, "top-exceptions.json").Then(HttpStatusCode.BadRequest, "bad-query.json");

        var result = await Source().GatherAsync(new LogQuery("orders", Window), CancellationToken.None);

        var evidence = Assert.IsType<LogEvidence>(result.Evidence);
        Assert.Equal(5, evidence.ErrorsPerMinute[3].Errors);
        Assert.Empty(evidence.Samples);
        Assert.Equal(2, evidence.Warnings.Count);
        Assert.Contains("partial result", evidence.Warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("samples query failed", evidence.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherAsync_UnexpectedColumns_IsMissingWithTheShapeNamed()
    {
        _handler
            .Then(HttpStatusCode.OK, body: """{"tables":[{"name":"PrimaryResult","columns":[{"name":"When","type":"datetime"}],"rows":[["2024-05-01T12:00:00Z"]]}]}""")
            .Then(HttpStatusCode.OK, "top-exceptions.json")
            .Then(HttpStatusCode.OK, "samples.json");

        var result = await Source().GatherAsync(new LogQuery("orders", Window), CancellationToken.None);

        Assert.Contains("unexpected shape", result.MissingReason, StringComparison.Ordinal);
        Assert.Contains("Minute", result.MissingReason, StringComparison.Ordinal);
    }
}
