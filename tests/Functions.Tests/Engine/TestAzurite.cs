using RagnarokOps.Connectors.Azurite;

namespace RagnarokOps.Functions.Tests.Engine;

/// <summary>
/// One real Azurite (blob, queue, table; in memory, free ports) for the whole test run, started on first use from
/// tools/ (running <c>npm ci</c> there if needed) and killed when the test process exits. Each host under test gets
/// its own task hub name, so hosts never see each other's cases unless a test wants them to.
/// </summary>
internal static class TestAzurite
{
    /// <summary>The connection setting the test hosts' host.json names (kept apart from AzureWebJobsStorage, which the artifact store reads).</summary>
    public const string ConnectionName = "RagnarokTestStorage";

    private static readonly Lazy<Task<AzuriteServer>> Server = new(StartAsync);
    private static int _hubs;

    public static async Task<string> ConnectionStringAsync() => (await Server.Value).ConnectionString;

    /// <summary>A task hub name no other host of this run uses (Azure Storage: letters and digits, 3-45).</summary>
    public static string NewHubName() => $"t{Environment.ProcessId}x{Interlocked.Increment(ref _hubs)}";

    /// <summary>A host.json for a test host on its own hub of this Azurite, polling fast.</summary>
    /// <param name="hubName">The task hub.</param>
    /// <param name="logLevel">The default log level.</param>
    /// <param name="visibility">How long a killed worker's dequeued messages stay hidden (crash tests shorten Azure's 5 min).</param>
    public static string HostJson(string hubName, string logLevel = "Warning", string visibility = "00:05:00") => $$"""
        {
          "version": "2.0",
          "logging": { "logLevel": { "default": "{{logLevel}}" } },
          "extensions": {
            "durableTask": {
              "hubName": "{{hubName}}",
              "storageProvider": {
                "connectionName": "{{ConnectionName}}", "partitionCount": 1, "maxQueuePollingInterval": "00:00:00.200",
                "workItemQueueVisibilityTimeout": "{{visibility}}", "controlQueueVisibilityTimeout": "{{visibility}}"
              }
            }
          }
        }
        """;

    private static async Task<AzuriteServer> StartAsync()
    {
        var command = await AzuriteCommand.FindAsync([AppContext.BaseDirectory], CancellationToken.None)
            ?? throw new InvalidOperationException("tools/package.json not found above the test folder: Azurite cannot be installed");
        var server = await AzuriteServer.StartAsync(command, location: null, 0, 0, 0, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return server;
    }
}
