using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.Logs;
using RagnarokOps.Connectors.Tests.LogAnalytics;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Logs;

public sealed class LogFileSourceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeWindow Window = new(T0, T0.AddMinutes(10));

    private readonly TempDirectory _temp = new("ragnarok-logs");

    public void Dispose() => _temp.Dispose();

    private LogFileSource Source(params string[] settingFiles) =>
        new(Options.Create(new LogFileOptions { BaseDirectory = _temp.Path, Files = [.. settingFiles] }), new ListLogger<LogFileSource>());

    private string Write(string name, string text)
    {
        File.WriteAllText(_temp.Combine(name), text);
        return name;
    }

    [Fact]
    public async Task GatherAsync_JsonLines_CountsErrorsPerMinuteRanksExceptionsAndKeepsFirstSamples()
    {
        var file = Write("orders.jsonl", string.Join('\n',
            """{"@t":"2024-05-01T11:59:59Z","@l":"Error","@m":"before the window"}""",
            """{"@t":"2024-05-01T12:00:05Z","@m":"GET /health"}""",
            """{"@t":"2024-05-01T12:03:01.5Z","@l":"Error","@m":"checkout failed","@x":"System.InvalidOperationException: Sequence contains no elements\n   at Orders.Api.Pricing.DiscountService.Apply() in /src/Orders.Api/Pricing/DiscountService.cs:line 42\n   at Orders.Api.Checkout.Post()","RequestPath":"/api/orders","RequestMethod":"POST","StatusCode":500,"RequestId":"0HMV"}""",
            """{"time":1714564990000,"level":50,"msg":"checkout failed again","err":{"type":"InvalidOperationException","message":"Sequence contains no elements","stack":"InvalidOperationException: Sequence contains no elements\n    at apply (/srv/pricing.js:42:7)"},"req":{"method":"POST"},"status":500}""",
            """{"timestamp":"2024-05-01T12:03:20Z","level":"error","message":"db down","exception":{"class":"Npgsql.NpgsqlException","message":"Connection refused"},"service":"orders"}""",
            """{"timestamp":"2024-05-01T12:03:30Z","level":"error","message":"another service","service":"billing"}""",
            """{"timestamp":"2024-05-01T12:04:00Z","level":"info","message":"POST /api/orders","status":503,"path":"/api/orders"}""",
            "{ not json",
            ""));

        var result = await Source().GatherAsync(new LogQuery("orders", Window, Files: [file]), CancellationToken.None);

        var evidence = Assert.IsType<LogEvidence>(result.Evidence);
        Assert.Equal("log-file", evidence.Source);
        Assert.Equal(10, evidence.ErrorsPerMinute.Count);
        Assert.Equal(new ErrorBucket(T0, 0, 1), evidence.ErrorsPerMinute[0]);
        Assert.Equal(new ErrorBucket(T0.AddMinutes(3), 3, 3), evidence.ErrorsPerMinute[3]);
        Assert.Equal(new ErrorBucket(T0.AddMinutes(4), 1, 1), evidence.ErrorsPerMinute[4]);

        var top = evidence.TopExceptions[0];
        Assert.Equal(("System.InvalidOperationException", "Sequence contains no elements", 1), (top.Type, top.Message, top.Count));
        Assert.Equal(3, evidence.TopExceptions.Count);

        var first = evidence.Samples[0];
        Assert.Equal(T0.AddMinutes(3).AddSeconds(1.5), first.Timestamp);
        Assert.Equal("System.InvalidOperationException", first.ExceptionType);
        Assert.Equal("at Orders.Api.Pricing.DiscountService.Apply() in /src/Orders.Api/Pricing/DiscountService.cs:line 42", first.StackFrames[0]);
        Assert.Equal(("POST", "/api/orders", 500, "0HMV"), (first.RequestMethod, first.RequestPath, first.StatusCode, first.RequestId));
        Assert.Contains(evidence.Samples, s => s.StatusCode == 503 && s.ExceptionType is null);
        Assert.DoesNotContain(evidence.Samples, s => s.Message == "another service");
        Assert.Contains(evidence.Warnings, w => w.Contains("1 of 8 lines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GatherAsync_PlainTextWithCrLf_JoinsStackLinesToTheirRecord()
    {
        var file = Write("orders.log", string.Join("\r\n",
            "2024-05-01 12:01:00,250 INFO  [orders] started",
            "2024-05-01T12:02:00.000Z ERROR Unhandled exception while handling POST /api/orders",
            "System.NullReferenceException: Object reference not set to an instance of an object.",
            "   at Orders.Api.Checkout.Post(Order order) in /src/Orders.Api/Checkout.cs:line 88",
            "   at Microsoft.AspNetCore.Routing.EndpointMiddleware.Invoke(HttpContext context)",
            "[2024-05-01 12:02:30] [WARN] slow query",
            "2024-05-01 12:02:40 ERR: Unhandled exception. System.TimeoutException: db timeout",
            "2024-05-01 12:02:50 error: System.NullReferenceException: Object reference not set to an instance of an object.",
            "   at Orders.Api.Checkout.Post(Order order) in /src/Orders.Api/Checkout.cs:line 88",
            ""));

        var result = await Source().GatherAsync(new LogQuery("orders", Window, Files: [file]), CancellationToken.None);

        var evidence = Assert.IsType<LogEvidence>(result.Evidence);
        Assert.Equal(new ErrorBucket(T0.AddMinutes(1), 0, 1), evidence.ErrorsPerMinute[1]);
        Assert.Equal(new ErrorBucket(T0.AddMinutes(2), 3, 4), evidence.ErrorsPerMinute[2]);
        var npe = evidence.TopExceptions[0];
        Assert.Equal(("System.NullReferenceException", 2), (npe.Type, npe.Count));
        Assert.Equal(T0.AddMinutes(2), npe.First);
        Assert.Equal(T0.AddMinutes(2).AddSeconds(50), npe.Last);
        Assert.Contains(evidence.TopExceptions, e => e.Type == "System.TimeoutException" && e.Message == "db timeout");
        var sample = evidence.Samples[0];
        Assert.Equal("Unhandled exception while handling POST /api/orders", sample.Message);
        Assert.Equal(2, sample.StackFrames.Count);
        Assert.DoesNotContain(sample.StackFrames, f => f.EndsWith('\r'));
        Assert.Empty(evidence.Warnings);
    }

    [Fact]
    public async Task GatherAsync_MissingFile_IsMissingWithTheFileNamed()
    {
        var result = await Source("nowhere.log").GatherAsync(new LogQuery("orders", Window), CancellationToken.None);

        Assert.False(result.Found);
        Assert.Contains("nowhere.log: file not found", result.ToMissingEvidence().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherAsync_NoFileNamed_IsMissingAndSaysWhereToName()
    {
        var result = await Source().GatherAsync(new LogQuery("orders", Window), CancellationToken.None);

        Assert.Contains("Logs:Files", result.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherAsync_OneOfTwoFilesMissing_ReadsTheOtherAndWarns()
    {
        var file = Write("a.log", "2024-05-01T12:00:30Z ERROR boom\n");

        var result = await Source("gone.log").GatherAsync(new LogQuery("orders", Window, Files: [file]), CancellationToken.None);

        var evidence = Assert.IsType<LogEvidence>(result.Evidence);
        Assert.Equal(1, evidence.ErrorsPerMinute[0].Errors);
        Assert.Contains(evidence.Warnings, w => w.Contains("gone.log: file not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GatherAsync_Folder_IsMissingWithAReason()
    {
        Directory.CreateDirectory(_temp.Combine("logs"));

        var result = await Source("logs").GatherAsync(new LogQuery("orders", Window), CancellationToken.None);

        Assert.Contains("is a folder", result.MissingReason, StringComparison.Ordinal);
    }
}
