using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Tests.Webhooks;

/// <summary>GitLab's webhook recursion detection, keyed by the X-Gitlab-Event-UUID an API call carries.</summary>
public sealed class HookChainsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Raise_CallCarryingTheHooksOwnEventUuid_BlockedUntilAnotherChain()
    {
        // Port 9 (discard) refuses connections: deliveries fail fast, but every execution is still logged.
        var (_, hook) = await sandbox.SendJsonAsync(HttpMethod.Post, sandbox.Project + "/hooks", new { url = "http://127.0.0.1:9/hook", issues_events = true });
        var (_, issue) = await sandbox.SendJsonAsync(HttpMethod.Post, sandbox.Project + "/issues", new { title = "Loop guard" });
        var events = $"{sandbox.Project}/hooks/{hook!["id"]}/events";
        var first = (await sandbox.GetJsonAsync(events)).AsArray().Single()!["event_uuid"]!.GetValue<string>();
        var other = Guid.NewGuid().ToString();

        await UpdateAsync(issue!, "a", first);
        var afterLoop = (await sandbox.GetJsonAsync(events)).AsArray().Count;
        await UpdateAsync(issue!, "b", other);
        await UpdateAsync(issue!, "c", other);
        var afterOther = (await sandbox.GetJsonAsync(events)).AsArray();
        await UpdateAsync(issue!, "d", null);
        var afterPlain = (await sandbox.GetJsonAsync(events)).AsArray();

        Assert.Equal(1, afterLoop);
        Assert.Equal(2, afterOther.Count);
        Assert.Equal(other, afterOther[0]!["event_uuid"]!.GetValue<string>());
        Assert.Equal(3, afterPlain.Count);
        Assert.NotEqual(first, afterPlain[0]!["event_uuid"]!.GetValue<string>());
        Assert.NotEqual(other, afterPlain[0]!["event_uuid"]!.GetValue<string>());
    }

    [Fact]
    public void Join_ChainAtTheLimit_BlocksFurtherHooks()
    {
        var chains = new HookChains();
        HookChains.CurrentRequestUuid = "chain-at-limit";
        try
        {
            var joined = Enumerable.Range(1, HookChains.Limit).Select(id => chains.Join(id)).ToList();

            Assert.All(joined, uuid => Assert.Equal("chain-at-limit", uuid));
            Assert.Null(chains.Join(HookChains.Limit + 1));
            Assert.Null(chains.Join(1));
        }
        finally
        {
            HookChains.CurrentRequestUuid = null;
        }
    }

    private async Task UpdateAsync(JsonNode issue, string label, string? eventUuid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{sandbox.Project}/issues/{issue["iid"]}", UriKind.Relative))
        {
            Content = JsonContent.Create(new { add_labels = label }),
        };
        if (eventUuid is not null)
        {
            request.Headers.Add("X-Gitlab-Event-UUID", eventUuid);
        }

        using var response = await sandbox.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"PUT issue: {(int)response.StatusCode}");
    }
}
