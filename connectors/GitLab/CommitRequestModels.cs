namespace RagnarokOps.Connectors.GitLab;

/// <summary>Body of POST /projects/:id/repository/commits: several file actions in one commit.</summary>
public sealed record GitLabCommitRequest
{
    public required string Branch { get; init; }

    public required string CommitMessage { get; init; }

    /// <summary>Creates <see cref="Branch"/> from this branch when it does not exist yet.</summary>
    public string? StartBranch { get; init; }

    public string? StartSha { get; init; }

    public required IReadOnlyList<GitLabCommitAction> Actions { get; init; }

    public string? AuthorEmail { get; init; }

    public string? AuthorName { get; init; }
}

public sealed record GitLabCommitAction
{
    /// <summary>create, delete, move, update or chmod (see <see cref="GitLabCommitActionKind"/>).</summary>
    public required string Action { get; init; }

    public required string FilePath { get; init; }

    public string? PreviousPath { get; init; }

    public string? Content { get; init; }

    /// <summary>"text" (default) or "base64".</summary>
    public string? Encoding { get; init; }

    public string? LastCommitId { get; init; }

    public bool? ExecuteFilemode { get; init; }
}

public static class GitLabCommitActionKind
{
    public const string Create = "create";
    public const string Delete = "delete";
    public const string Move = "move";
    public const string Update = "update";
    public const string Chmod = "chmod";
}

/// <summary>What a cherry-pick or revert did. Refusals GitLab explains with an error_code are results, not exceptions.</summary>
public sealed record GitLabCommitChangeResult
{
    public required GitLabCommitChangeStatus Status { get; init; }

    /// <summary>The new commit when <see cref="Status"/> is <see cref="GitLabCommitChangeStatus.Committed"/>.</summary>
    public GitLabCommit? Commit { get; init; }

    /// <summary>GitLab's error_code when refused: "conflict" or "empty".</summary>
    public string? ErrorCode { get; init; }

    public string? Message { get; init; }

    public bool IsConflict => string.Equals(ErrorCode, "conflict", StringComparison.OrdinalIgnoreCase);

    public bool IsEmpty => string.Equals(ErrorCode, "empty", StringComparison.OrdinalIgnoreCase);
}

public enum GitLabCommitChangeStatus
{
    /// <summary>A commit was created on the branch.</summary>
    Committed,

    /// <summary>dry_run=true and the change would apply cleanly.</summary>
    DryRunSucceeded,

    /// <summary>GitLab refused with an error_code (conflict, empty).</summary>
    Refused,
}

internal sealed record GitLabDryRunResponse
{
    public required string DryRun { get; init; }
}

internal sealed record GitLabCommitChangeBody(string Branch, bool? DryRun);
