namespace RagnarokOps.Functions.Dashboard;

/// <summary>The <c>Dashboard</c> settings section.</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The setting that bounds a pasted log, named in the 413 answer.</summary>
    public const string MaxTriageBytesSetting = SectionName + ":" + nameof(MaxTriageBytes);

    /// <summary>Largest log <c>POST /{prefix}/triage</c> accepts, in bytes (1 MiB).</summary>
    public long MaxTriageBytes { get; set; } = 1024 * 1024;

    /// <summary>How often the page asks for a new snapshot, in milliseconds.</summary>
    public int RefreshMilliseconds { get; set; } = 2000;

    /// <summary>Rows per panel at most.</summary>
    public int MaxRows { get; set; } = 50;
}
