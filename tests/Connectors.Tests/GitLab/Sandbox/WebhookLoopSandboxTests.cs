using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>The client forwards X-Gitlab-Event-UUID and the sandbox, as GitLab, stops the hook loop it would close.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class WebhookLoopSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task UpdateIssueLabelsAsync_InsideTheHooksEventContext_DoesNotFireTheHookAgain()
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", sandbox.Server.Token);
        var project = $"api/v4/projects/{sandbox.Truth.ProjectId}";
        // Port 9 refuses connections: nothing listens, yet every hook execution is logged by the sandbox.
        using var added = await http.PostAsJsonAsync(new Uri(project + "/hooks", UriKind.Relative), new { url = "http://127.0.0.1:9/ragnarok", issues_events = true }, Ct);
        var hookId = JsonNode.Parse(await added.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<long>();
        var issue = await _client.CreateIssueAsync(sandbox.Project, new GitLabNewIssue { Title = GitLabSandboxFixture.Unique("loop") }, Ct);
        var opened = Assert.Single(await EventsAsync());

        using (GitLabEventContext.Begin(opened))
        {
            await _client.UpdateIssueLabelsAsync(sandbox.Project, issue.Iid, new GitLabLabelChange { Add = ["ragnarok::triaged"] }, Ct);
        }

        var afterHandling = await EventsAsync();
        await _client.UpdateIssueLabelsAsync(sandbox.Project, issue.Iid, new GitLabLabelChange { Add = ["ragnarok::done"] }, Ct);
        var afterUnrelated = await EventsAsync();

        Assert.Equal([opened], afterHandling);
        Assert.Equal(2, afterUnrelated.Count);
        Assert.NotEqual(opened, afterUnrelated[0]);

        async Task<List<string>> EventsAsync()
        {
            var events = JsonNode.Parse(await http.GetStringAsync(new Uri($"{project}/hooks/{hookId}/events?per_page=100", UriKind.Relative), Ct))!.AsArray();
            return events
                .Where(e => e!["request_data"]!["object_attributes"]!["iid"]!.GetValue<long>() == issue.Iid)
                .Select(e => e!["event_uuid"]!.GetValue<string>())
                .ToList();
        }
    }
}
