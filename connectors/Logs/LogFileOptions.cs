namespace RagnarokOps.Connectors.Logs;

/// <summary>Settings section <c>Logs</c>: log files read when no Log Analytics workspace is configured.</summary>
public sealed class LogFileOptions
{
    public const string SectionName = "Logs";

    /// <summary>Files read for every service, besides those the policy names (<c>Logs:Files:0</c>, …).</summary>
    public List<string> Files { get; set; } = [];

    /// <summary>Where relative file names are resolved; the working folder when empty.</summary>
    public string? BaseDirectory { get; set; }
}
