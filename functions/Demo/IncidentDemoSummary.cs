namespace RagnarokOps.Functions.Demo;

/// <summary>The incident issue as the sandbox holds it at the end of the demo.</summary>
internal sealed record IncidentDemoIssue(long Iid, string Url, string Title, IReadOnlyList<string> Labels, string State, IReadOnlyList<string> Assignees);

/// <summary>What <c>ragnarok demo --scenario incident --summary FILE</c> writes: enough for a script or a test to check the run.</summary>
/// <param name="DetectionRound">The round (1-based) whose failure opened the incident.</param>
/// <param name="FailingRounds">Failing rounds it took (the flap rule's N).</param>
/// <param name="DetectionSeconds">From the start of the detecting round until its issue, wiki page and email were done.</param>
/// <param name="DashboardProbeStatus">The probe panel's status of the target while the incident was open (down).</param>
internal sealed record IncidentDemoSummary(
    IncidentDemoIssue? Issue,
    string? WikiUrl,
    string? WikiTitle,
    string? EmailSubject,
    string? EmailText,
    IReadOnlyList<string> EmailTo,
    string? RecoveryEmailSubject,
    string DashboardUrl,
    string? DashboardProbeStatus,
    int DashboardOpenIncidents,
    int DetectionRound,
    int FailingRounds,
    double DetectionSeconds,
    IReadOnlyList<string> IncidentLines,
    string DataDirectory,
    double Seconds)
{
    public Task WriteAsync(string path, CancellationToken cancellationToken) => DemoSummary.WriteJsonAsync(this, path, cancellationToken);

    public static IncidentDemoSummary? Read(string path) => DemoSummary.ReadJson<IncidentDemoSummary>(path);
}
