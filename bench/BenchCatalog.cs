using RagnarokOps.Bench.Classify;

namespace RagnarokOps.Bench;

/// <summary>A benchmark the bench executable can run by name.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args);
}

/// <summary>The benchmarks, one file each; add new ones here.</summary>
internal static class BenchCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } = [new Engine.EngineBench(), new ClassifyBench(), new ClassifyAccuracyBench(), new ClassifyAlertsBench(), new Incident.IncidentBench()];
}
