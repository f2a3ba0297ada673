namespace RagnarokOps.Domain.Incidents;

/// <summary>What noticed the failure.</summary>
public enum IncidentSource
{
    /// <summary>A health probe (HTTP, CPU, memory, database connections) failed several rounds in a row.</summary>
    Probe,

    /// <summary>A CI pipeline finished with status <c>failed</c>.</summary>
    Pipeline,
}

/// <summary>Whether the signal opens (or repeats) an incident or says it is over.</summary>
public enum SignalKind
{
    Failing,
    Recovered,
}

/// <summary>
/// The hand-off between what watches (probe rounds, pipeline hooks) and the incident flow: one failure, or its recovery,
/// of one target of one service in one project. The incident flow classifies it, grades it and files it.
/// </summary>
/// <param name="Project">GitLab project path or id the incident issue belongs to.</param>
/// <param name="Service">The service from the repository policy (or the pipeline's ref for pipeline failures).</param>
/// <param name="Target">The probe target's name, or <c>pipeline:&lt;ref&gt;</c>.</param>
/// <param name="Summary">One line a person reads first ("HTTP 503 from https://… 3 rounds in a row").</param>
/// <param name="Evidence">The lines that show it: probe results, failed job log chunk. Already redacted.</param>
/// <param name="ConsecutiveFailures">How many rounds in a row failed (1 for a pipeline).</param>
/// <param name="StartedAt">When the failure began (the first failing round of the streak); null means <paramref name="ObservedAt"/>.</param>
public sealed record IncidentSignal(
    string Project,
    string Service,
    IncidentSource Source,
    string Target,
    SignalKind Kind,
    DateTimeOffset ObservedAt,
    string Summary,
    IReadOnlyList<string> Evidence,
    int ConsecutiveFailures,
    DateTimeOffset? StartedAt = null)
{
    /// <summary>The earliest sign of the failure: the suspect changes are the ones live before it.</summary>
    public DateTimeOffset FailingSince => StartedAt is { } at && at < ObservedAt ? at : ObservedAt;
}
