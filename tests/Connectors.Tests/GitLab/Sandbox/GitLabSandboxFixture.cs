using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Sandbox;
using RagnarokOps.Sandbox.Seeding;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>
/// One sandbox seeded with the checkout scenario on a free loopback port, and IGitLabClients built the way the
/// product builds them (AddGitLabClient over configuration). Started once for every class in the collection:
/// seeding takes seconds, so tests that change state use names of their own instead of a fresh sandbox.
/// </summary>
public sealed class GitLabSandboxFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("ragnarok-client-sandbox");
    private readonly List<ServiceProvider> _providers = [];

    public SandboxServer Server { get; private set; } = null!;

    public GroundTruth Truth { get; private set; } = null!;

    /// <summary>The seeded project, addressed by path as the product addresses it.</summary>
    public GitLabProjectId Project { get; private set; }

    public IGitLabClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "checkout" }, CancellationToken.None);
        Truth = Server.GroundTruth ?? throw new InvalidOperationException("The checkout seed wrote no ground truth.");
        Project = GitLabProjectId.FromPath(Truth.ProjectPath);
        Client = CreateClient(Server.Token);
    }

    /// <summary>A client through DI with its own token, page size (small pages make pagination visible) and base URL.</summary>
    public IGitLabClient CreateClient(string token, int pageSize = 100, Uri? baseUrl = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = (baseUrl ?? Server.BaseUrl).ToString(),
            ["GitLab:Token"] = token,
            ["GitLab:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GitLab:RetryBaseDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitLabClient(configuration);
        var provider = services.BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }

        return provider.GetRequiredService<IGitLabClient>();
    }

    /// <summary>A name no other test uses, so tests that create branches, issues or pages stay independent.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Server.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GitLabSandboxCollection : ICollectionFixture<GitLabSandboxFixture>
{
    public const string Name = "GitLab sandbox";
}
