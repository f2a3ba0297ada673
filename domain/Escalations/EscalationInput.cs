namespace RagnarokOps.Domain.Escalations;

/// <summary>What an escalation arrives as: a GitLab issue's text, labels and notes, and when it was opened.</summary>
/// <param name="Reference">Where it came from (<c>group/project#42</c>), kept for links; not part of the fingerprint.</param>
public sealed record EscalationInput(
    string Title,
    string Description,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Notes,
    DateTimeOffset CreatedAt,
    string? Reference = null);
