using System.Globalization;

namespace RagnarokOps.Sandbox.Git;

/// <summary>A bare repository on disk, read and changed only through the git CLI.</summary>
internal sealed partial class GitRepository(string gitDir)
{
    public const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string CommitFormat = "%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%B%x1e";

    public string GitDir { get; } = gitDir;

    public static async Task<GitRepository> InitBareAsync(string gitDir, string defaultBranch, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(gitDir);
        await GitCli.RunCheckedAsync(gitDir, ["init", "--bare", "--quiet", $"--initial-branch={defaultBranch}", "."], cancellationToken);
        return new GitRepository(gitDir);
    }

    public Task<string> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken, string? stdin = null, IReadOnlyDictionary<string, string>? env = null) =>
        GitCli.RunCheckedAsync(GitDir, args, cancellationToken, stdin, env);

    /// <summary>The commit a branch, tag or sha names, or null when it names none.</summary>
    public async Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.StartsWith('-'))
        {
            return null;
        }

        var result = await GitCli.RunAsync(GitDir, ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], cancellationToken);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    public async Task<string> DefaultBranchAsync(CancellationToken cancellationToken)
    {
        var head = await RunAsync(["symbolic-ref", "--short", "HEAD"], cancellationToken);
        return head.Trim();
    }

    public async Task<GitCommit?> GetCommitAsync(string reference, CancellationToken cancellationToken)
    {
        var sha = await ResolveAsync(reference, cancellationToken);
        if (sha is null)
        {
            return null;
        }

        var output = await RunAsync(["log", "-1", $"--format={CommitFormat}", sha], cancellationToken);
        return ParseCommits(output).Single();
    }

    /// <summary>Commits reachable from <paramref name="reference"/>, newest first, as <c>git log</c> orders them.</summary>
    public async Task<IReadOnlyList<GitCommit>> LogAsync(
        string reference, string? path, DateTimeOffset? since, DateTimeOffset? until, int skip, int take, CancellationToken cancellationToken, bool firstParent = false)
    {
        var args = new List<string> { "log", $"--format={CommitFormat}", $"--skip={skip}", $"--max-count={take}" };
        if (firstParent)
        {
            args.Add("--first-parent");
        }

        if (since is { } s)
        {
            args.Add($"--since={s.ToUnixTimeSeconds()}");
        }

        if (until is { } u)
        {
            args.Add($"--until={u.ToUnixTimeSeconds()}");
        }

        args.Add(reference);
        args.Add("--");
        if (!string.IsNullOrEmpty(path))
        {
            args.Add(path);
        }

        return ParseCommits(await RunAsync(args, cancellationToken));
    }

    /// <summary>Commits in <paramref name="to"/> that are not in <paramref name="from"/>, oldest first (GitLab's compare order).</summary>
    public async Task<IReadOnlyList<GitCommit>> CommitsBetweenAsync(string from, string to, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["log", "--reverse", $"--format={CommitFormat}", $"{from}..{to}"], cancellationToken);
        return ParseCommits(output);
    }

    public async Task<string> MergeBaseAsync(string a, string b, CancellationToken cancellationToken) =>
        (await RunAsync(["merge-base", a, b], cancellationToken)).Trim();

    private static List<GitCommit> ParseCommits(string output)
    {
        var commits = new List<GitCommit>();
        foreach (var record in output.Split('\x1e'))
        {
            var fields = record.TrimStart('\n').Split('\x1f');
            if (fields.Length < 9)
            {
                continue;
            }

            commits.Add(new GitCommit(
                fields[0],
                fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                fields[2],
                fields[3],
                DateTimeOffset.Parse(fields[4], CultureInfo.InvariantCulture),
                fields[5],
                fields[6],
                DateTimeOffset.Parse(fields[7], CultureInfo.InvariantCulture),
                fields[8].TrimEnd('\n')));
        }

        return commits;
    }
}
