namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>Settings section <c>LogAnalytics</c>. A workspace id switches GatherLogs from log files to Log Analytics.</summary>
public sealed class LogAnalyticsOptions
{
    public const string SectionName = "LogAnalytics";

    /// <summary>The workspace (customer) id, a GUID; empty means "read log files instead".</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The query API; sovereign clouds have their own (for example https://api.loganalytics.azure.cn).</summary>
    public Uri Endpoint { get; set; } = new("https://api.loganalytics.io");

    /// <summary>The token scope; by default the endpoint's <c>/.default</c>.</summary>
    public string? Scope { get; set; }

    /// <summary>How many times a 429, 5xx or dropped connection is retried (Retry-After is honoured).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay when the service gives no Retry-After; doubles after each try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-try network timeout; the service itself stops a query after 10 minutes.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(WorkspaceId);

    public string EffectiveScope => string.IsNullOrWhiteSpace(Scope) ? new Uri(Endpoint, "/.default").AbsoluteUri : Scope;
}
