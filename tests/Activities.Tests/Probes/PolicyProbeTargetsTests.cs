using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Probes;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Probes;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Activities.Tests.Probes;

/// <summary>Probe targets from the <c>probes:</c> of each service in the watched projects' policies, read from the sandbox.</summary>
public sealed class PolicyProbeTargetsTests : IAsyncLifetime
{
    private const string Project = "shop/checkout";
    private readonly TempDirectory _data = new("ragnarok-policy-probes");
    private SandboxServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "checkout" }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ReadAsync_PolicyWithProbes_AddsThemToTheHostTargetsWithTheProjectServiceAndFileLine()
    {
        var line = await CommitProbesAsync("""
                  - name: checkout-http
                    kind: http
                    url: https://checkout.example/health
                    failures: 2
            """);

        var set = await ReadAsync(new Dictionary<string, string?>
        {
            ["Ragnarok:Probes:Targets:0:Name"] = "host-memory",
            ["Ragnarok:Probes:Targets:0:Kind"] = "memory",
            ["Ragnarok:Probes:Targets:0:Service"] = "checkout",
        });

        Assert.Empty(set.Problems);
        Assert.Equal(["host-memory", "checkout-http"], set.Targets.Select(t => t.Name));
        var probe = set.Targets[1];
        Assert.Equal((Project, "checkout", ProbeKind.Http, "https://checkout.example/health", 2), (probe.Project, probe.Service, probe.Kind, probe.Url, probe.Limits.FailuresToOpen));
        Assert.Equal($"{Project}/.ragnarok.yaml:{line}", probe.Source);
    }

    [Fact]
    public async Task ReadAsync_BadProbeEntry_NamesFileLineAndField_HostTargetsStillProbed()
    {
        var line = await CommitProbesAsync("""
                  - name: checkout-ftp
                    kind: ftp
            """);

        var set = await ReadAsync(new Dictionary<string, string?>
        {
            ["Ragnarok:Probes:Targets:0:Name"] = "host-memory",
            ["Ragnarok:Probes:Targets:0:Kind"] = "memory",
            ["Ragnarok:Probes:Targets:0:Service"] = "checkout",
        });

        Assert.Equal("host-memory", Assert.Single(set.Targets).Name);
        var problem = Assert.Single(set.Problems);
        Assert.Equal(
            $"{Project}/.ragnarok.yaml({line + 1},15): services[0].probes[0].kind: 'ftp' is not http, cpu, memory or postgres (no probes read from {Project}/.ragnarok.yaml until it is fixed)",
            problem);
    }

    [Fact]
    public async Task ReadAsync_ProjectGitLabCannotFind_NamesTheFileAndTheSetting()
    {
        var set = await ReadAsync(new Dictionary<string, string?> { ["Ragnarok:Probes:Projects"] = "shop/nowhere" });

        Assert.Empty(set.Targets);
        var problem = Assert.Single(set.Problems);
        Assert.StartsWith("shop/nowhere/.ragnarok.yaml: could not be read (Ragnarok:Probes:Projects): ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoGitLab_SaysThePoliciesCannotBeRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ragnarok:Probes:Projects"] = Project }).Build();
        await using var services = new ServiceCollection().AddGitLabClient(configuration).BuildServiceProvider();

        var set = await new PolicyProbeTargets(configuration, services).ReadAsync(CancellationToken.None);

        Assert.Empty(set.Targets);
        Assert.Equal($"Ragnarok:Probes:Projects: GitLab:BaseUrl is not set, so the probes: sections of {Project} (.ragnarok.yaml) cannot be read", Assert.Single(set.Problems));
    }

    private async Task<ProbeTargetSet> ReadAsync(Dictionary<string, string?> settings)
    {
        settings["GitLab:BaseUrl"] = _server.BaseUrl.ToString();
        settings["GitLab:Token"] = _server.Token;
        settings["GitLab:MaxRetryAttempts"] = "0";
        settings.TryAdd("Ragnarok:Probes:Projects", Project);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddGitLabClient(configuration).BuildServiceProvider();
        return await new PolicyProbeTargets(configuration, services).ReadAsync(CancellationToken.None);
    }

    /// <summary>Adds a <c>probes:</c> list to the checkout service of the seeded policy, committed on the default branch; returns the line of its first entry.</summary>
    private async Task<int> CommitProbesAsync(string entries)
    {
        using var api = new HttpClient { BaseAddress = new Uri(_server.BaseUrl, "api/v4/") };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", _server.Token);
        var project = (await api.GetFromJsonAsync<JsonObject>("projects/shop%2Fcheckout"))!;
        var branch = project["default_branch"]!.GetValue<string>();
        var policy = await api.GetStringAsync($"projects/shop%2Fcheckout/repository/files/.ragnarok.yaml/raw?ref={branch}");
        const string anchor = "      cloud_role: checkout-api\n";
        Assert.Contains(anchor, policy, StringComparison.Ordinal);
        var at = policy.IndexOf(anchor, StringComparison.Ordinal) + anchor.Length;
        var updated = policy[..at] + "    probes:\n" + entries.TrimEnd('\n') + "\n" + policy[at..];
        var line = policy[..at].Count(c => c == '\n') + 2;
        using var response = await api.PostAsJsonAsync("projects/shop%2Fcheckout/repository/commits", new
        {
            branch,
            commit_message = "Probe the checkout service",
            actions = new[] { new { action = "update", file_path = ".ragnarok.yaml", content = updated } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return line;
    }
}
