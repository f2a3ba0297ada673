using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Cli;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.CherryPick;

/// <summary>The sandbox with the cherrypick seed, a settings folder pointing the CLI at it, and a GitLab client to look.</summary>
public sealed class CherryPickHost : IAsyncLifetime
{
    public const string Project = "platform/picker";

    private readonly TempDirectory _data = new("ragnarok-cp-data");
    private readonly TempDirectory _root = new("ragnarok-cp-root");
    private ServiceProvider? _services;

    public SandboxServer Server { get; private set; } = null!;

    public IGitLabClient GitLab { get; private set; } = null!;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GitLab:BaseUrl"] = Server.BaseUrl.ToString(),
        ["GitLab:Token"] = Server.Token,
        ["Environments:Projects"] = Project,
    };

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "cherrypick" }, CancellationToken.None);
        File.Copy(Path.Combine(RepoPaths.Root, "host.json"), _root.Combine("host.json"));
        await File.WriteAllTextAsync(_root.Combine("local.settings.json"), $$"""
            { "IsEncrypted": false, "Values": { "GitLab__BaseUrl": "{{Server.BaseUrl}}", "GitLab__Token": "{{Server.Token}}", "Environments__Projects": "{{Project}}" } }
            """);
        _services = new ServiceCollection().AddGitLabClient(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build()).BuildServiceProvider();
        GitLab = _services.GetRequiredService<IGitLabClient>();
    }

    /// <summary>The dev commit with this title.</summary>
    public async Task<string> DevCommitAsync(string title)
    {
        await foreach (var commit in GitLab.ListCommitsAsync(Project, new GitLabCommitQuery { RefName = "dev" }, CancellationToken.None))
        {
            if (commit.Title == title)
            {
                return commit.Id;
            }
        }

        throw new InvalidOperationException($"no dev commit '{title}'");
    }

    public async Task<List<GitLabMergeRequest>> MergeRequestsFromAsync(string branch)
    {
        var list = new List<GitLabMergeRequest>();
        await foreach (var mr in GitLab.ListMergeRequestsAsync(Project, branch, null, CancellationToken.None))
        {
            list.Add(mr);
        }

        return list;
    }

    public async Task<List<GitLabIssue>> ReportsAsync()
    {
        var list = new List<GitLabIssue>();
        await foreach (var issue in GitLab.ListIssuesAsync(Project, new GitLabIssueQuery { Search = "ragnarok:cherry-pick", State = "all" }, CancellationToken.None))
        {
            list.Add(issue);
        }

        return list;
    }

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RagnarokCommandLine.InvokeAsync([.. args, "--root", _root.Path], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Server.DisposeAsync();
        _data.Dispose();
        _root.Dispose();
    }
}
