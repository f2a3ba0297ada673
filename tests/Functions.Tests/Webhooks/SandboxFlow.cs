using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>
/// The set-up the end-to-end tests share: a seeded sandbox, the real host on the local engine pointing at it (timers
/// off, so only what the test starts runs), and a REST client for the sandbox's API with its token.
/// </summary>
internal sealed class SandboxFlow : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private SandboxFlow(TempDirectory dir, SandboxServer gitlab, FlowTestHost host, HttpClient api)
    {
        _dir = dir;
        GitLab = gitlab;
        Host = host;
        Api = api;
    }

    public SandboxServer GitLab { get; }

    public FlowTestHost Host { get; }

    public HttpClient Api { get; }

    /// <summary>The project <see cref="StartWithNoteHookAsync"/> hooked; 0 after <see cref="StartAsync"/>.</summary>
    public long ProjectId { get; private set; }

    public static async Task<SandboxFlow> StartAsync(string seed, IDictionary<string, string?>? settings = null)
    {
        var dir = new TempDirectory();
        var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = dir.Combine("sandbox"), Seed = seed }, CancellationToken.None);
        Directory.CreateDirectory(dir.Combine("host"));
        var values = new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = gitlab.BaseUrl.ToString(),
            ["GitLab:Token"] = gitlab.Token,
            ["Ragnarok:Schedules:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = await FlowTestHost.StartAsync(dir.Combine("host"), values);
        var api = new HttpClient { BaseAddress = new Uri(gitlab.BaseUrl, "api/v4/") };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
        return new SandboxFlow(dir, gitlab, host, api);
    }

    /// <summary>
    /// What the /envsync note tests begin with: the flow on <paramref name="seed"/>, with note events of the project at
    /// <paramref name="projectPath"/> hooked to the host; its id is <see cref="ProjectId"/>.
    /// </summary>
    public static async Task<SandboxFlow> StartWithNoteHookAsync(string seed, string projectPath)
    {
        var flow = await StartAsync(seed);
        flow.ProjectId = await flow.ProjectIdAsync(projectPath);
        await flow.HookNotesAsync(flow.ProjectId);
        return flow;
    }

    /// <summary>The sandbox's id for the project at <paramref name="path"/> (group/name).</summary>
    public async Task<long> ProjectIdAsync(string path) =>
        (await Api.GetFromJsonAsync<JsonObject>($"projects/{Uri.EscapeDataString(path)}"))!["id"]!.GetValue<long>();

    /// <summary>Points a project hook for note events (issue events off) at the host's GitLab webhook.</summary>
    public Task HookNotesAsync(long projectId) =>
        Api.PostAsJsonAsync($"projects/{projectId}/hooks", new { url = $"{Host.Url}/api/webhooks/gitlab", token = FlowTestHost.Secret, issues_events = false, note_events = true });

    /// <summary>Opens an issue and returns its iid.</summary>
    public async Task<long> OpenIssueAsync(long projectId, string title) =>
        (await (await Api.PostAsJsonAsync($"projects/{projectId}/issues", new { title })).Content.ReadFromJsonAsync<JsonObject>())!["iid"]!.GetValue<long>();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
        await GitLab.DisposeAsync();
        _dir.Dispose();
    }
}
