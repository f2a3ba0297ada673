namespace RagnarokOps.Domain.Scoring;

/// <summary>What kind of change a hypothesis blames.</summary>
public enum HypothesisKind
{
    Commit,
    Config,
    Dependency,
    Flag,
    Deployment,
}

/// <summary>The remedy a hypothesis suggests; policy decides whether it may run and at what confidence.</summary>
public enum ActionKind
{
    RevertCommit,
    RollbackDeployment,
    DisableFlag,
    EnableFlag,
    RestoreConfig,
}

/// <param name="Target">The sha, deployment id, flag name or config key the action applies to.</param>
public sealed record ProposedAction(ActionKind Kind, string Target, string Summary);

/// <summary>A ranked explanation of the errors: the change, its evidence, and what to do about it.</summary>
/// <param name="Reference">The sha (commits, config and dependency commits, deployments) or the flag name or config key.</param>
/// <param name="Score">Sum of <see cref="Contributions"/> (log-odds).</param>
/// <param name="Confidence">In [0,1]: this change against "none of them" and the changes that compete with it.</param>
/// <param name="CommitShas">The commits the hypothesis carries (one for a commit, the deployment's for a deployment).</param>
public sealed record Hypothesis(
    int Rank,
    HypothesisKind Kind,
    string Reference,
    string Title,
    DateTimeOffset ChangedAt,
    DateTimeOffset LiveAt,
    double Score,
    double Confidence,
    IReadOnlyList<Contribution> Contributions,
    ProposedAction Action,
    IReadOnlyList<string> CommitShas,
    string? Link);
