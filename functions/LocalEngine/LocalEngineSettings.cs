namespace RagnarokOps.Functions.LocalEngine;

/// <summary>Settings of the local host's engine that Azure Functions does not have.</summary>
internal static class LocalEngineSettings
{
    /// <summary>This host's name in the task hub's partition leases (default: the machine name, as Durable Functions uses).</summary>
    public const string WorkerIdKey = "Ragnarok:WorkerId";

    /// <summary>When the host starts Azurite itself: keep its data in memory (the demo) instead of under the data folder.</summary>
    public const string AzuriteInMemoryKey = "Ragnarok:Azurite:InMemory";

    /// <summary>
    /// How many times one activity message may be delivered without completing (the worker crashed, was killed or
    /// stopped while running it) before the engine fails that activity with the reason. Default 5.
    /// </summary>
    public const string MaxActivityDeliveriesKey = "Ragnarok:Engine:MaxActivityDeliveries";

    public const int DefaultMaxActivityDeliveries = 5;
}
