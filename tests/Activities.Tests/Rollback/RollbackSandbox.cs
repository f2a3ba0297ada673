using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Activities.Tests.Rollback;

/// <summary>Its own envsync sandbox (rollbacks write branches and merge requests) and the services of AddRollback pointing at it.</summary>
public sealed class RollbackSandbox : IAsyncLifetime
{
    public const string Project = "platform/inventory";

    private readonly TempDirectory _data = new("ragnarok-rollback");

    public SandboxServer Server { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "envsync" }, CancellationToken.None);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = Server.BaseUrl.ToString(),
            ["GitLab:Token"] = Server.Token,
        }).Build();
        Services = new ServiceCollection().AddRollback(Configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
