namespace RagnarokOps.Domain.Evidence;

/// <summary>A file a commit changed, with its unified diff (possibly truncated, said so in <see cref="Truncated"/>).</summary>
public sealed record ChangedFile(string Path, string? OldPath, bool IsNew, bool IsDeleted, string Diff, bool Truncated = false);

/// <summary>A commit in the case window.</summary>
public sealed record CommitEvidence(
    string Sha,
    string Title,
    string Message,
    string AuthorName,
    string? AuthorEmail,
    DateTimeOffset CommittedAt,
    IReadOnlyList<string> ParentShas,
    IReadOnlyList<ChangedFile> Files,
    string? WebUrl = null)
{
    public bool IsMerge => ParentShas.Count > 1;
}

/// <summary>A deployment of a sha to an environment.</summary>
public sealed record DeploymentEvidence(
    long Id,
    string Environment,
    string Sha,
    string Ref,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? WebUrl,
    IReadOnlyList<string> CommitShas);

/// <summary>A feature flag changed in the window (toggled, strategies or scopes edited).</summary>
public sealed record FlagChangeEvidence(
    string Name,
    bool Active,
    DateTimeOffset ChangedAt,
    string? Environment,
    string? Description,
    string? Actor);

/// <summary>A failed or notable job of a pipeline, with the part of its log that explains it.</summary>
public sealed record JobEvidence(long Id, string Name, string Stage, string Status, string? FailureReason, string? TraceExcerpt);

/// <summary>A pipeline in the window.</summary>
public sealed record PipelineEvidence(
    long Id,
    string Ref,
    string Sha,
    string Status,
    string? Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? WebUrl,
    IReadOnlyList<JobEvidence> Jobs);
