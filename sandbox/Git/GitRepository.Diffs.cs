namespace RagnarokOps.Sandbox.Git;

internal sealed partial class GitRepository
{
    /// <summary>Per-file diffs from <paramref name="from"/> (null: the commit's first parent) to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<GitFileDiff>> DiffAsync(string? from, string to, CancellationToken cancellationToken)
    {
        from ??= await FirstParentOrEmptyTreeAsync(to, cancellationToken);
        var raw = await RunAsync(["diff-tree", "-r", "-M", "-z", "--no-commit-id", from, to], cancellationToken);
        var patch = await RunAsync(["diff-tree", "-r", "-M", "-p", "--no-commit-id", "--no-color", from, to], cancellationToken);
        var chunks = SplitPatch(patch);
        var tokens = raw.Split('\0');
        var diffs = new List<GitFileDiff>();
        for (var i = 0; i < tokens.Length - 1;)
        {
            var meta = tokens[i++].TrimStart(':').Split(' ');
            if (meta.Length < 5)
            {
                continue;
            }

            var status = meta[4][0];
            var oldPath = tokens[i++];
            var newPath = status is 'R' or 'C' ? tokens[i++] : oldPath;
            var text = diffs.Count < chunks.Count ? chunks[diffs.Count] : string.Empty;
            diffs.Add(new GitFileDiff(
                oldPath,
                newPath,
                meta[0] == "000000" ? null : meta[0],
                meta[1] == "000000" ? null : meta[1],
                text,
                status == 'A',
                status == 'R',
                status == 'D'));
        }

        return diffs;
    }

    public async Task<GitStats> StatsAsync(string sha, CancellationToken cancellationToken)
    {
        var from = await FirstParentOrEmptyTreeAsync(sha, cancellationToken);
        var output = await RunAsync(["diff-tree", "-r", "--numstat", "--no-commit-id", from, sha], cancellationToken);
        int additions = 0, deletions = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            additions += int.TryParse(parts[0], out var a) ? a : 0;
            deletions += int.TryParse(parts[1], out var d) ? d : 0;
        }

        return new GitStats(additions, deletions);
    }

    private async Task<string> FirstParentOrEmptyTreeAsync(string sha, CancellationToken cancellationToken)
    {
        var parent = await ResolveAsync(sha + "^1", cancellationToken);
        return parent ?? EmptyTree;
    }

    /// <summary>Splits a multi-file patch into GitLab's per-file <c>diff</c> text (from the first hunk on).</summary>
    private static List<string> SplitPatch(string patch)
    {
        var chunks = new List<string>();
        var current = (System.Text.StringBuilder?)null;
        var inHunks = false;
        foreach (var line in patch.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    chunks.Add(current.ToString());
                }

                current = new System.Text.StringBuilder();
                inHunks = false;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            inHunks |= line.StartsWith("@@", StringComparison.Ordinal) || line.StartsWith("Binary files", StringComparison.Ordinal);
            if (inHunks)
            {
                current.Append(line).Append('\n');
            }
        }

        if (current is not null)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }
}
