using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Http;
using RagnarokOps.DurableTask.Worker;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests.Http;

public sealed class ManagementApiEndpointsTests : IAsyncLifetime
{
    private const string Key = "test-key-123";
    private const string Prefix = "/runtime/webhooks/durabletask";
    private readonly TempDirectory _dir = new("durable-http");
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var db = _dir.Combine("hub.db");
        builder.Services.AddDurableTaskWorker(b => b
            .AddTasks(r => r
                .AddActivityFunc<string, string>("Greet", (_, n) => $"Hello {n}")
                .AddOrchestratorFunc<string, string>("Hello", async (ctx, n) => await ctx.CallActivityAsync<string>("Greet", n))
                .AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) =>
                {
                    ctx.SetCustomStatus("waiting");
                    return (await ctx.WaitForExternalEvent<JsonObject>("approve"))["by"]!.GetValue<string>();
                }))
            .UseSqlite(db));
        builder.Services.AddDurableTaskClient(b => b.UseSqlite(db));
        builder.Services.Configure<DurableTaskHttpOptions>(o => o.Key = Key);
        _app = builder.Build();
        _app.MapDurableTaskManagementApi(Prefix);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
        _http.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Start_ThenPollStatus_Returns202WithCheckStatusThen200WithOutput()
    {
        var start = await _http.PostAsync($"{Prefix}/orchestrators/Hello/h1", Json("\"Ada\""));
        var payload = await start.Content.ReadFromJsonAsync<JsonObject>();
        var status = await PollUntilDoneAsync(payload!["statusQueryGetUri"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal("h1", payload["id"]!.GetValue<string>());
        Assert.EndsWith($"{Prefix}/instances/h1?taskHub=default&connection=Storage", start.Headers.Location!.ToString(), StringComparison.Ordinal);
        foreach (var uri in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.Contains("/instances/h1", payload[uri]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("Hello Ada", status["output"]!.GetValue<string>());
        Assert.Equal("Ada", status["input"]!.GetValue<string>());
        Assert.Equal("Hello", status["name"]!.GetValue<string>());
        Assert.NotNull(status["createdTime"]);
        Assert.NotNull(status["lastUpdatedTime"]);
    }

    [Fact]
    public async Task Status_Running_Returns202WithLocationAndRetryAfter()
    {
        await _http.PostAsync($"{Prefix}/orchestrators/Waiter/w1", null);
        await WaitForCustomStatusAsync("w1");

        var running = await _http.GetAsync($"{Prefix}/instances/w1?showHistory=true");
        var body = await running.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.NotNull(running.Headers.Location);
        Assert.NotNull(running.Headers.RetryAfter);
        Assert.Equal("Running", body!["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("waiting", body["customStatus"]!.GetValue<string>());
        Assert.Contains(body["historyEvents"]!.AsArray(), e => e!["EventType"]!.GetValue<string>() == "ExecutionStarted");
    }

    [Fact]
    public async Task RaiseEvent_StatusCodes_Are202Then410And404And400()
    {
        await _http.PostAsync($"{Prefix}/orchestrators/Waiter/w2", null);
        await WaitForCustomStatusAsync("w2");

        var badJson = await _http.PostAsync($"{Prefix}/instances/w2/raiseEvent/approve", Json("{not json"));
        var accepted = await _http.PostAsync($"{Prefix}/instances/w2/raiseEvent/approve", Json("{\"by\":\"lead\"}"));
        var done = await PollUntilDoneAsync($"{Prefix}/instances/w2");
        var gone = await _http.PostAsync($"{Prefix}/instances/w2/raiseEvent/approve", Json("{}"));
        var missing = await _http.PostAsync($"{Prefix}/instances/nope/raiseEvent/approve", Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("lead", done["output"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task SuspendResumeTerminatePurgeAndList_Flow_AnswersLikeDurableFunctions()
    {
        await _http.PostAsync($"{Prefix}/orchestrators/Waiter/w3", null);
        await WaitForCustomStatusAsync("w3");

        var suspend = await _http.PostAsync($"{Prefix}/instances/w3/suspend?reason=pause", null);
        await WaitForStatusAsync("w3", "Suspended");
        var resume = await _http.PostAsync($"{Prefix}/instances/w3/resume?reason=go", null);
        await WaitForStatusAsync("w3", "Running");
        var terminate = await _http.PostAsync($"{Prefix}/instances/w3/terminate?reason=stop", null);
        var terminated = await PollUntilDoneAsync($"{Prefix}/instances/w3");
        var list = await _http.GetFromJsonAsync<JsonArray>($"{Prefix}/instances?runtimeStatus=Terminated");
        var purge = await _http.DeleteAsync($"{Prefix}/instances/w3");
        var afterPurge = await _http.GetAsync($"{Prefix}/instances/w3");

        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        Assert.Equal("Terminated", terminated["runtimeStatus"]!.GetValue<string>());
        Assert.Contains(list!, i => i!["instanceId"]!.GetValue<string>() == "w3");
        Assert.Equal(1, (await purge.Content.ReadFromJsonAsync<JsonObject>())!["instancesDeleted"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, afterPurge.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AnyRoute_WithoutTheKey_Returns401(string? key)
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        if (key is not null)
        {
            anonymous.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        using var queryOnly = new HttpClient { BaseAddress = _http.BaseAddress };
        var response = await anonymous.GetAsync($"{Prefix}/instances/x");
        var viaQuery = await queryOnly.GetAsync($"{Prefix}/instances/x?code={Key}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaQuery.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonObject> PollUntilDoneAsync(string url)
    {
        using var cts = new CancellationTokenSource(EngineHost.Timeout);
        while (true)
        {
            var response = await _http.GetAsync(url, cts.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>(cts.Token))!;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Task.Delay(20, cts.Token);
        }
    }

    private Task WaitForCustomStatusAsync(string id) => WaitAsync(id, s => s["customStatus"] is not null);

    private Task WaitForStatusAsync(string id, string status) => WaitAsync(id, s => s["runtimeStatus"]!.GetValue<string>() == status);

    private async Task WaitAsync(string id, Func<JsonObject, bool> condition)
    {
        using var cts = new CancellationTokenSource(EngineHost.Timeout);
        while (true)
        {
            var response = await _http.GetAsync($"{Prefix}/instances/{id}", cts.Token);
            if (response.StatusCode != HttpStatusCode.NotFound && condition((await response.Content.ReadFromJsonAsync<JsonObject>(cts.Token))!))
            {
                return;
            }

            await Task.Delay(20, cts.Token);
        }
    }
}
