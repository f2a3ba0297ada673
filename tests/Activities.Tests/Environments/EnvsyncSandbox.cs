using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Activities.Tests.Environments;

/// <summary>A real sandbox seeded with the envsync scenario and the services of AddEnvironments pointing at it (a room's fixture may add its own).</summary>
public class EnvsyncSandbox : IAsyncLifetime
{
    public const string Project = "platform/inventory";

    private readonly TempDirectory _data = new("ragnarok-envsync");

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
            ["Environments:Group"] = "platform",
        }).Build();
        Services = AddServices(new ServiceCollection(), Configuration).BuildServiceProvider();
    }

    /// <summary>The services the tests resolve; a room's fixture registers its own on top of the environments'.</summary>
    protected virtual IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration) => services.AddEnvironments(configuration);

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EnvsyncSandboxCollection : ICollectionFixture<EnvsyncSandbox>
{
    public const string Name = "envsync sandbox";
}
