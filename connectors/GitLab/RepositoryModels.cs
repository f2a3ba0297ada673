using System.Text;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>GET /projects/:id/repository/files/:path?ref= — metadata and (base64) content.</summary>
public sealed record GitLabRepositoryFile
{
    public required string FileName { get; init; }

    public required string FilePath { get; init; }

    public long Size { get; init; }

    public string? Encoding { get; init; }

    public string? Content { get; init; }

    public string? ContentSha256 { get; init; }

    public required string Ref { get; init; }

    public string? BlobId { get; init; }

    public string? CommitId { get; init; }

    public required string LastCommitId { get; init; }

    public bool? ExecuteFilemode { get; init; }

    /// <summary>The content as text, decoding base64 when that is how GitLab sent it.</summary>
    public string DecodeContent() =>
        string.Equals(Encoding, "base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Content ?? ""))
            : Content ?? "";
}

public sealed record GitLabTreeItem
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>"blob" or "tree".</summary>
    public required string Type { get; init; }

    public required string Path { get; init; }

    public string? Mode { get; init; }
}

public sealed record GitLabBranch
{
    public required string Name { get; init; }

    public required GitLabCommit Commit { get; init; }

    public bool Merged { get; init; }

    public bool Protected { get; init; }

    public bool Default { get; init; }

    public bool? DevelopersCanPush { get; init; }

    public bool? DevelopersCanMerge { get; init; }

    public bool? CanPush { get; init; }

    public string? WebUrl { get; init; }
}
