namespace RagnarokOps.Sandbox.Git;

internal sealed partial class GitRepository
{
    public async Task<GitFile?> ReadFileAsync(string reference, string path, CancellationToken cancellationToken)
    {
        var sha = await ResolveAsync(reference, cancellationToken);
        if (sha is null)
        {
            return null;
        }

        var entry = (await RunAsync(["ls-tree", "-z", sha, "--", path], cancellationToken)).TrimEnd('\0');
        var tab = entry.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return null;
        }

        var meta = entry[..tab].Split(' ');
        if (meta[1] != "blob")
        {
            return null;
        }

        var content = await RunAsync(["cat-file", "blob", meta[2]], cancellationToken);
        var last = (await RunAsync(["log", "-1", "--format=%H", sha, "--", path], cancellationToken)).Trim();
        return new GitFile(path, content, meta[2], meta[0], sha, last);
    }

    public async Task<IReadOnlyList<GitTreeEntry>> TreeAsync(string reference, string? path, bool recursive, CancellationToken cancellationToken)
    {
        var args = new List<string> { "ls-tree", "-z" };
        if (recursive)
        {
            args.Add("-r");
            args.Add("-t");
        }

        args.Add(reference);
        if (!string.IsNullOrEmpty(path))
        {
            args.Add("--");
            args.Add(path.TrimEnd('/') + "/");
        }

        var entries = new List<GitTreeEntry>();
        foreach (var line in (await RunAsync(args, cancellationToken)).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var meta = line[..tab].Split(' ');
            var fullPath = line[(tab + 1)..];
            entries.Add(new GitTreeEntry(meta[2], Path.GetFileName(fullPath), meta[1], fullPath, meta[0]));
        }

        return entries;
    }

    public async Task<IReadOnlyList<GitBranch>> BranchesAsync(CancellationToken cancellationToken)
    {
        var output = await RunAsync(["for-each-ref", "refs/heads", "--format=%(refname:short)%09%(objectname)"], cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => new GitBranch(parts[0], parts[1]))
            .ToList();
    }

    /// <summary>Creates a branch; false when it already exists.</summary>
    public async Task<bool> CreateBranchAsync(string name, string sha, CancellationToken cancellationToken)
    {
        var check = await GitCli.RunAsync(GitDir, ["check-ref-format", "--branch", name], cancellationToken);
        if (check.ExitCode != 0)
        {
            throw new ArgumentException($"Branch name is invalid: {name}");
        }

        var result = await GitCli.RunAsync(GitDir, ["update-ref", $"refs/heads/{name}", sha, new string('0', 40)], cancellationToken);
        return result.ExitCode == 0;
    }

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var result = await GitCli.RunAsync(GitDir, ["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken);
        return result.ExitCode == 0;
    }
}
