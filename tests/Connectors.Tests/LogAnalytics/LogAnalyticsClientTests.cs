using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using RagnarokOps.Connectors.LogAnalytics;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

public sealed class LogAnalyticsClientTests
{
    private const string Workspace = "6f1d5e8a-2b7c-4c11-9d3e-0a1b2c3d4e5f";
    private static readonly DateTimeOffset From = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(1);

    private readonly FakeHttpMessageHandler _handler = new();
    private readonly FakeTokenCredential _credential = new();
    private readonly ListLogger<LogAnalyticsClient> _logger = new();

    private LogAnalyticsClient Client(int maxRetries = 2) => new(
        new LogAnalyticsOptions { WorkspaceId = Workspace, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(5) },
        _credential,
        _logger,
        new HttpClientTransport(new HttpClient(_handler)));

    [Fact]
    public async Task QueryAsync_Success_PostsQueryAndTimespanWithBearerToken()
    {
        _handler.Then(HttpStatusCode.OK, "errors-per-minute.json");

        var result = await Client().QueryAsync(Workspace, "AppRequests | take 1", From, To, CancellationToken.None);

        var (method, uri, headers, body) = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal($"https://api.loganalytics.io/v1/workspaces/{Workspace}/query", uri.AbsoluteUri);
        Assert.Equal("Bearer fake-token-7f3a9c", headers["Authorization"]);
        Assert.Equal(["https://api.loganalytics.io/.default"], _credential.Scopes.Distinct());
        using var json = JsonDocument.Parse(body!);
        Assert.Equal("AppRequests | take 1", json.RootElement.GetProperty("query").GetString());
        Assert.Equal("2024-05-01T12:00:00.000Z/2024-05-01T13:00:00.000Z", json.RootElement.GetProperty("timespan").GetString());
        Assert.Equal(3, result.PrimaryTable.Rows.Count);
        Assert.Equal(27L, result.PrimaryTable.Rows[2].GetInt64("Errors"));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task QueryAsync_AllColumnTypes_ParsesTypedValuesAndNulls()
    {
        _handler.Then(HttpStatusCode.OK, "all-types.json");

        var table = (await Client().QueryAsync(Workspace, "q", From, To, CancellationToken.None)).PrimaryTable;

        var row = table.Rows[0];
        Assert.Equal("text", row.GetString("S"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567), row.GetDateTimeOffset("D"));
        Assert.Equal(9007199254740993L, row.GetInt64("L"));
        Assert.Equal(42, row["I"]);
        Assert.Equal(0.25, row.GetDouble("R"));
        Assert.True(row.GetBoolean("B"));
        Assert.Equal(Guid.Parse("74be27de-1e4e-49d9-b579-fe0b331d3642"), row.GetGuid("G"));
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), row.GetTimeSpan("T"));
        var dynamic = row.GetDynamic("Dyn")!.Value;
        Assert.Equal(2, dynamic.GetProperty("a")[1].GetInt32());
        Assert.Equal(JsonValueKind.Null, dynamic.GetProperty("b").ValueKind);
        Assert.Equal(12.50m, row["Dec"]);
        var nulls = table.Rows[1];
        Assert.All(table.Columns, c => Assert.Null(nulls[c.Name]));
        Assert.Equal(["string", "datetime", "long", "int", "real", "bool", "guid", "timespan", "dynamic", "decimal"], table.Columns.Select(c => c.Type));
    }

    [Fact]
    public async Task QueryAsync_PartialError_ReturnsRowsAndWarning()
    {
        _handler.Then(HttpStatusCode.OK, "partial-error.json");

        var result = await Client().QueryAsync(Workspace, "q", From, To, CancellationToken.None);

        Assert.Single(result.PrimaryTable.Rows);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("PartialError", warning, StringComparison.Ordinal);
        Assert.Contains("exceeded the internal data size limit", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_Forbidden_ThrowsServiceCodeAndMessageWithoutToken()
    {
        _handler.Then(HttpStatusCode.Forbidden, "forbidden.json");

        var e = await Assert.ThrowsAsync<LogAnalyticsException>(() => Client().QueryAsync(Workspace, "q", From, To, CancellationToken.None));

        Assert.Equal(403, e.Status);
        Assert.Equal("InsufficientAccessError", e.Code);
        Assert.Equal("19312810-2150-47d2-ac01-70c07fd11088", e.CorrelationId);
        Assert.Contains("insufficient access", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_credential.Token, e.ToString(), StringComparison.Ordinal);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task QueryAsync_ThrottledWithRetryAfter_WaitsAtLeastThatLongThenSucceeds()
    {
        _handler
            .Then(HttpStatusCode.TooManyRequests, "throttled.json", headers: ("Retry-After", "1"))
            .Then(HttpStatusCode.OK, "errors-per-minute.json");

        var result = await Client().QueryAsync(Workspace, "q", From, To, CancellationToken.None);

        Assert.Equal(3, result.PrimaryTable.Rows.Count);
        Assert.Equal(2, _handler.Requests.Count);
        var retry = Assert.Single(_logger.Entries, e => e.EventId == 4301);
        Assert.Contains("answered 429", retry.Message, StringComparison.Ordinal);
        Assert.Contains("in 1000 ms", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ServerErrorsBeyondRetries_ThrowsLastError()
    {
        _handler
            .Then(HttpStatusCode.ServiceUnavailable, body: """{"error":{"code":"ServiceUnavailable","message":"try later"}}""")
            .Then(HttpStatusCode.BadGateway, body: "<html>bad gateway</html>")
            .Then(HttpStatusCode.ServiceUnavailable, body: """{"error":{"code":"ServiceUnavailable","message":"still down"}}""");

        var e = await Assert.ThrowsAsync<LogAnalyticsException>(() => Client(maxRetries: 2).QueryAsync(Workspace, "q", From, To, CancellationToken.None));

        Assert.Equal(3, _handler.Requests.Count);
        Assert.Equal(503, e.Status);
        Assert.Equal("still down", e.ServiceMessage);
    }

    [Fact]
    public async Task QueryAsync_BadQuery_CarriesInnermostSyntaxError()
    {
        _handler.Then(HttpStatusCode.BadRequest, "bad-query.json");

        var e = await Assert.ThrowsAsync<LogAnalyticsException>(() => Client().QueryAsync(Workspace, "q", From, To, CancellationToken.None));

        Assert.Equal("BadArgumentError", e.Code);
        Assert.Contains("SYN0002: Query could not be parsed at 'wher'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"value":[]}""")]
    [InlineData("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"A","type":"long"}],"rows":[["x"]]}]}""")]
    [InlineData("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"A","type":"long"}],"rows":[[1,2]]}]}""")]
    public async Task QueryAsync_MalformedBody_ThrowsMalformedResponse(string body)
    {
        _handler.Then(HttpStatusCode.OK, body: body);

        var e = await Assert.ThrowsAsync<LogAnalyticsException>(() => Client().QueryAsync(Workspace, "q", From, To, CancellationToken.None));

        Assert.Equal("MalformedResponse", e.Code);
    }

    [Fact]
    public async Task QueryAsync_ConnectionRefused_ThrowsConnectionFailed()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new LogAnalyticsClient(
            new LogAnalyticsOptions { WorkspaceId = Workspace, Endpoint = new Uri($"https://127.0.0.1:{port}"), MaxRetries = 0 },
            _credential,
            _logger);

        var e = await Assert.ThrowsAsync<LogAnalyticsException>(() => client.QueryAsync(Workspace, "q", From, To, CancellationToken.None));

        Assert.Equal(0, e.Status);
        Assert.Equal("ConnectionFailed", e.Code);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }
}
