namespace RagnarokOps.Sandbox.Git;

internal sealed partial class GitRepository
{
    /// <summary>Cherry-picks <paramref name="sha"/> onto <paramref name="branch"/> in a throw-away worktree.</summary>
    public Task<PickResult> CherryPickAsync(string sha, string branch, bool dryRun, GitIdentity committer, CancellationToken cancellationToken) =>
        PickAsync(["cherry-pick", "-x", sha], branch, dryRun, committer, cancellationToken);

    /// <summary>Reverts <paramref name="sha"/> on <paramref name="branch"/> in a throw-away worktree.</summary>
    public Task<PickResult> RevertAsync(string sha, string branch, bool dryRun, GitIdentity committer, CancellationToken cancellationToken) =>
        PickAsync(["revert", "--no-edit", sha], branch, dryRun, committer, cancellationToken);

    private async Task<PickResult> PickAsync(string[] command, string branch, bool dryRun, GitIdentity committer, CancellationToken cancellationToken)
    {
        await WriteGate.WaitAsync(cancellationToken);
        var worktree = Path.Combine(Path.GetTempPath(), $"ragnarok-worktree-{Guid.NewGuid():N}");
        try
        {
            var head = await ResolveAsync($"refs/heads/{branch}", cancellationToken) ?? throw new ArgumentException("Branch not found");
            await RunAsync(["worktree", "add", "--detach", "--quiet", worktree, head], cancellationToken);
            var result = await GitCli.RunAsync(worktree, command, cancellationToken, environment: committer.ToEnvironment());
            if (result.ExitCode != 0)
            {
                var status = await GitCli.RunAsync(worktree, ["status", "--porcelain"], cancellationToken);
                var conflicted = status.Output.Split('\n').Any(l => l.Length > 2 && (l[0] == 'U' || l[1] == 'U' || l.StartsWith("AA", StringComparison.Ordinal) || l.StartsWith("DD", StringComparison.Ordinal)));
                return new PickResult(conflicted ? PickOutcome.Conflict : PickOutcome.Empty, null);
            }

            var newHead = (await GitCli.RunCheckedAsync(worktree, ["rev-parse", "HEAD"], cancellationToken)).Trim();
            if (newHead == head)
            {
                return new PickResult(PickOutcome.Empty, null);
            }

            if (dryRun)
            {
                return new PickResult(PickOutcome.DryRunSuccess, null);
            }

            await RunAsync(["update-ref", $"refs/heads/{branch}", newHead, head], cancellationToken);
            return new PickResult(PickOutcome.Committed, newHead);
        }
        finally
        {
            await GitCli.RunAsync(GitDir, ["worktree", "remove", "--force", worktree], CancellationToken.None);
            await GitCli.RunAsync(GitDir, ["worktree", "prune"], CancellationToken.None);
            WriteGate.Release();
        }
    }
}
