namespace RagnarokOps.Functions.Demo;

/// <summary>How a demo runs: approve by itself or wait for a click, where to write the summary, which data folder.</summary>
/// <param name="RunTest">Also run the generated regression test (<c>dotnet test</c>) against staging; the repro script always runs.</param>
internal sealed record DemoOptions(bool Approve, string? SummaryPath, string DataDirectory, bool RunTest = false)
{
    /// <summary>The longest the demo waits for the case, a click included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A fresh folder per run under the working folder, so a rerun never meets the last run's case.</summary>
    public static string DefaultDataDirectory(TimeProvider time) =>
        Path.Combine(Environment.CurrentDirectory, ".ragnarok-demo", time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
}
