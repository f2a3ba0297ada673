namespace RagnarokOps.Sandbox.Git;

internal sealed record GitCommit(
    string Id,
    IReadOnlyList<string> ParentIds,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthoredDate,
    string CommitterName,
    string CommitterEmail,
    DateTimeOffset CommittedDate,
    string Message)
{
    public string ShortId => Id[..8];

    public string Title => Message.Split('\n', 2)[0];

    /// <summary>git trailers ("Key: value" lines of the last paragraph), as GitLab's <c>extended_trailers</c>.</summary>
    public IReadOnlyDictionary<string, List<string>> Trailers()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var paragraphs = Message.TrimEnd().Split("\n\n");
        if (paragraphs.Length < 2)
        {
            return result;
        }

        foreach (var line in paragraphs[^1].Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && !line[..colon].Contains(' ', StringComparison.Ordinal))
            {
                var key = line[..colon];
                if (!result.TryGetValue(key, out var values))
                {
                    result[key] = values = [];
                }

                values.Add(line[(colon + 2)..]);
            }
        }

        return result;
    }
}

internal sealed record GitFileDiff(
    string OldPath,
    string NewPath,
    string? AMode,
    string? BMode,
    string Diff,
    bool NewFile,
    bool RenamedFile,
    bool DeletedFile);

internal sealed record GitStats(int Additions, int Deletions)
{
    public int Total => Additions + Deletions;
}

internal sealed record GitTreeEntry(string Id, string Name, string Type, string Path, string Mode);

internal sealed record GitBranch(string Name, string CommitId);

internal sealed record GitFile(string Path, string Content, string BlobId, string Mode, string CommitId, string LastCommitId);

/// <summary>One action of "create a commit with multiple files and actions".</summary>
internal sealed record GitFileAction(string Action, string FilePath, string? PreviousPath, string? Content, string? Encoding, bool? ExecuteFilemode);

internal enum PickOutcome
{
    Committed,
    DryRunSuccess,
    Conflict,
    Empty,
}

internal sealed record PickResult(PickOutcome Outcome, string? CommitId);
