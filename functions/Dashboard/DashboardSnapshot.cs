namespace RagnarokOps.Functions.Dashboard;

/// <summary>What <c>GET /{prefix}/dashboard</c> answers and the page draws: one panel per source, each saying why it is empty.</summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    IncidentPanel Incidents,
    ProbePanel Probes,
    CasePanel Cases,
    PipelinePanel Pipelines);

/// <summary>Open incidents; <paramref name="EmptyReason"/> says why there are none (or why they cannot be shown).</summary>
public sealed record IncidentPanel(IReadOnlyList<IncidentRow> Rows, string? EmptyReason = null);

/// <param name="Iid">The incident issue's project-scoped number.</param>
/// <param name="Severity">P1–P4.</param>
/// <param name="Count">How many times it has happened while open (repeats add to it).</param>
public sealed record IncidentRow(long Iid, string Title, string Severity, string Service, string? Url, DateTimeOffset OpenedAt, int Count);

/// <summary>Probe status per target with its recent points (oldest first).</summary>
public sealed record ProbePanel(IReadOnlyList<ProbeRow> Rows, string? EmptyReason = null);

/// <param name="Kind">http, host, postgres, …</param>
/// <param name="Status">up, down, degraded, unknown.</param>
/// <param name="LastLatencyMs">The last round's latency; null when the last probe did not get an answer.</param>
public sealed record ProbeRow(string Target, string Kind, string Status, double? LastLatencyMs, IReadOnlyList<ProbePoint> Points);

public sealed record ProbePoint(DateTimeOffset At, double LatencyMs, bool Ok);

/// <summary>Escalation cases that have not ended, with the step their orchestration reports.</summary>
public sealed record CasePanel(IReadOnlyList<CaseRow> Rows, string? EmptyReason = null);

/// <param name="Issue">What the case is about, from the instance id (escalation-{project}-{iid}).</param>
/// <param name="Step">The orchestration's custom status (its current step); "no step reported yet" when it has none.</param>
/// <param name="Status">The engine's runtime status (Running, Pending, Suspended).</param>
public sealed record CaseRow(string InstanceId, string Issue, string Step, string Status, DateTimeOffset Started);

/// <summary>Recent pipeline diagnoses, newest first.</summary>
public sealed record PipelinePanel(IReadOnlyList<PipelineRow> Rows, string? EmptyReason = null);

/// <param name="Verdict">The diagnosis (new failure, already failing, …), or the engine status while it runs.</param>
/// <param name="Confidence">0–1 when the diagnosis gives one.</param>
public sealed record PipelineRow(string Project, long? PipelineId, string? Ref, string Verdict, double? Confidence, string? Url);
