namespace RagnarokOps.Domain.Incidents;

/// <summary>A graded signal with what the repository says about it: who owns the service and who hears of it.</summary>
/// <param name="Owners">Owners of the service (policy or CODEOWNERS), with <paramref name="OwnerReason"/> when there are none.</param>
/// <param name="KeepOpen">The policy's <c>incidents.keep_open</c>: a recovery notes the issue but leaves it open.</param>
/// <param name="Email">Addresses from the policy's <c>incidents.email</c>, mailed besides the configured list.</param>
/// <param name="Environment">Where the failing service runs for its users (the policy's first protected environment): the deployments read for suspects.</param>
public sealed record IncidentCase(
    IncidentSignal Signal,
    IncidentGrade Grade,
    string Fingerprint,
    IReadOnlyList<string> Owners,
    string? OwnerReason,
    bool KeepOpen,
    IReadOnlyList<string> Email,
    string Environment = "production");

/// <summary>The incident issue as filed or found: its number, link, how often it happened and earlier look-alikes.</summary>
/// <param name="Occurrences">How many failing signals it has seen (1 when just opened).</param>
/// <param name="Created">True when this run filed the issue.</param>
/// <param name="Closed">True when the issue is closed after a recovery.</param>
/// <param name="Previous">Iids of closed incidents of the same service and category ("happened before").</param>
public sealed record IncidentIssue(long ProjectId, long Iid, string WebUrl, int Occurrences, bool Created, bool Closed, IReadOnlyList<long> Previous);

/// <summary>Where the issue and the RCA page are, for notifications.</summary>
public sealed record IncidentLinks(string IssueUrl, long IssueIid, string? WikiUrl);
