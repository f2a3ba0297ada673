namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// One escalation case as the duplicate check remembers it: which issue, what makes it that problem, and whether it
/// is still open. <see cref="ClosedAt"/> is null while the case runs or waits.
/// </summary>
/// <param name="IssueReference">GitLab's cross-reference for the issue, <c>group/project#iid</c>.</param>
public sealed record CaseRecord(
    string InstanceId,
    long ProjectId,
    string IssueReference,
    string Fingerprint,
    string? Service,
    string? Environment,
    IReadOnlyList<string> Signatures,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt = null);

/// <summary>The earlier case a new escalation duplicates, how alike they are (0–1) and the sentence that says why.</summary>
public sealed record DuplicateMatch(CaseRecord Original, double Similarity, string Reason);
