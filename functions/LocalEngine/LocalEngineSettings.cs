namespace RagnarokOps.Functions.LocalEngine;

/// <summary>Settings of the local host's engine that Azure Functions does not have.</summary>
internal static class LocalEngineSettings
{
    /// <summary>When the host starts Azurite itself: keep its data in memory (the demo) instead of under the data folder.</summary>
    /// <summary>This host's name in the task hub's partition leases (default: the machine name, as Durable Functions uses).</summary>
    public const string WorkerIdKey = "Ragnarok:WorkerId";

    public const string AzuriteInMemoryKey = "Ragnarok:Azurite:InMemory";
}
