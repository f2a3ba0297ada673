namespace RagnarokOps.Domain.Probes;

/// <summary>What a probe looks at.</summary>
public enum ProbeKind
{
    /// <summary>An HTTP(S) endpoint: status, latency, body match, TLS certificate expiry.</summary>
    Http,

    /// <summary>This host's CPU use from /proc/stat.</summary>
    Cpu,

    /// <summary>This host's memory use from /proc/meminfo.</summary>
    Memory,

    /// <summary>A PostgreSQL server: reachable, latency, connections used against max_connections.</summary>
    Postgres,
}

/// <summary>
/// One thing a probe round watches, for one service of one project (the incident's home).
/// Secrets never live here: a PostgreSQL target names the host setting that holds its connection string.
/// </summary>
/// <param name="Name">Unique among the targets (history is kept per name).</param>
/// <param name="Service">The service in the repository policy.</param>
/// <param name="Project">The GitLab project path an incident goes to.</param>
/// <param name="Kind">What is probed.</param>
/// <param name="Url">HTTP targets: the absolute http(s) URL.</param>
/// <param name="Connection">PostgreSQL targets: the name of the setting (<c>ConnectionStrings:&lt;name&gt;</c> or a plain key) holding the connection string.</param>
/// <param name="IntervalSeconds">How often the target is due (rounds run each minute; default 60).</param>
/// <param name="Schedule">A cron expression (5 fields, or 6 with seconds) used instead of the interval.</param>
/// <param name="Thresholds">When a result counts as failing, and how many failures in a row open an incident.</param>
/// <param name="Source">Where the target was read ("Ragnarok:Probes:Targets:0", ".ragnarok.yaml:12").</param>
public sealed record ProbeTarget(
    string Name,
    string Service,
    string Project,
    ProbeKind Kind,
    string? Url = null,
    string? Connection = null,
    int IntervalSeconds = ProbeTarget.DefaultIntervalSeconds,
    string? Schedule = null,
    ProbeThresholds? Thresholds = null,
    string Source = "")
{
    public const int DefaultIntervalSeconds = 60;

    /// <summary>The thresholds, defaults when none were given.</summary>
    public ProbeThresholds Limits => Thresholds ?? ProbeThresholds.Default;
}

/// <summary>When a probe result fails. Each field applies to the kinds named; the rest are ignored.</summary>
/// <param name="FailuresToOpen">Consecutive failing rounds before a Failing signal (all kinds; default 3).</param>
/// <param name="ExpectStatus">HTTP: the status expected; null accepts any 2xx or 3xx.</param>
/// <param name="MaxLatencyMs">HTTP, PostgreSQL: slower answers fail; null: no limit besides the timeout.</param>
/// <param name="BodyMatch">HTTP: a regular expression the body must match.</param>
/// <param name="TlsMinDays">HTTP over https: fewer days before the certificate expires fail (default 14).</param>
/// <param name="AllowUntrustedCertificate">HTTP over https: accept a certificate the machine does not trust (self-signed); expiry still counts.</param>
/// <param name="MaxPercent">CPU, memory: use above this percent fails (default 90).</param>
/// <param name="SustainedSeconds">CPU, memory: use must stay above <paramref name="MaxPercent"/> this long, sampled each second (default 5).</param>
/// <param name="MaxConnectionsPercent">PostgreSQL: connections used above this percent of max_connections fail (default 80).</param>
/// <param name="TimeoutSeconds">HTTP, PostgreSQL: no answer in this time fails (default 10).</param>
public sealed record ProbeThresholds(
    int FailuresToOpen = 3,
    int? ExpectStatus = null,
    int? MaxLatencyMs = null,
    string? BodyMatch = null,
    int TlsMinDays = 14,
    bool AllowUntrustedCertificate = false,
    double MaxPercent = 90,
    int SustainedSeconds = 5,
    double MaxConnectionsPercent = 80,
    int TimeoutSeconds = 10)
{
    public static ProbeThresholds Default { get; } = new();
}
