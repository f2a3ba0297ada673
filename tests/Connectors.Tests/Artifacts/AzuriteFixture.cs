using RagnarokOps.Connectors.Azurite;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Artifacts;

/// <summary>
/// A real Azurite for the test run (<see cref="AzuriteServer"/> from tools/, running <c>npm ci</c> there first when
/// needed) on free loopback ports, in memory, with its API version check on: the artifact store's pinned Blob
/// service version must be one Azurite accepts. If Azurite cannot start, every test that uses it fails with the
/// reason: no silent skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string DevelopmentAccountKey = AzuriteServer.DevelopmentAccountKey;

    private AzuriteServer? _server;

    public int Port => Server.BlobPort;

    /// <summary>The development account's connection string, pointed at this Azurite's blob service.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public string Output => Server.Output;

    private AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started");

    public async Task InitializeAsync()
    {
        var command = await AzuriteCommand.FindAsync([RepoPaths.Root], CancellationToken.None)
            ?? throw new InvalidOperationException($"tools/package.json not found under {RepoPaths.Root}: Azurite cannot be installed");
        _server = await AzuriteServer.StartAsync(command, location: null, 0, 0, 0, CancellationToken.None, checkApiVersion: true);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A loopback port that nothing listens on (bound, read, released).</summary>
    public static int FreePort() => AzuriteServer.FreePort();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
