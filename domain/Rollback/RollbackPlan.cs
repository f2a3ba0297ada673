using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Rollback;

/// <summary>A deployment of an environment: what was deployed, and whether its pipeline was green.</summary>
public sealed record DeploymentRef(long Id, string Sha, string Status, DateTimeOffset? At, string? PipelineStatus);

/// <summary>A commit a rollback would undo, newest first.</summary>
public sealed record UndoneCommit(string Sha, string Title, string? Author);

/// <summary>
/// What rolling <paramref name="Environment"/> back means: from the current deployment to the last known-good one,
/// the commits undone, the risk, and whether a person must approve before the merge request opens.
/// </summary>
/// <param name="Refusal">Why there is nothing to roll back to (no deployment, no good one before it, too many commits), or null.</param>
public sealed record RollbackPlan(
    string Project,
    string Environment,
    string Branch,
    bool Protected,
    DeploymentRef? Current,
    DeploymentRef? Target,
    IReadOnlyList<UndoneCommit> Commits,
    RollbackAssessment Assessment,
    bool NeedsApproval,
    string ApprovalReason,
    string? Refusal)
{
    public string RevertBranch => RollbackRules.BranchName(Environment, Target?.Sha ?? "");
}

public static class RollbackRules
{
    public const string Action = "rollback";

    public static string BranchName(string environment, string targetSha) => $"ragnarok/rollback-{environment}-{RollbackAssessment.Short(targetSha)}";

    public static string Marker(string environment, string targetSha) => $"<!-- ragnarok:envsync-rollback {environment}@{targetSha} -->";

    /// <summary>The last deployment before <paramref name="current"/> that succeeded with a green pipeline, on another commit.</summary>
    /// <param name="deployments">The environment's deployments, newest first.</param>
    public static DeploymentRef? LastKnownGood(IReadOnlyList<DeploymentRef> deployments, DeploymentRef current)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(current);
        return deployments.Where(d => d.Id < current.Id && d.Status == "success" && d.PipelineStatus == "success" && d.Sha != current.Sha)
            .OrderByDescending(d => d.Id).FirstOrDefault();
    }

    /// <summary>Protected environments (per rollback.require_approval) and any high risk wait for a person.</summary>
    public static (bool Needed, string Reason) ApprovalFor(EnvironmentBranch environment, RollbackPolicy policy, RollbackAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Risk == RiskLevel.High)
        {
            return (true, "the risk is high");
        }

        return policy.RequireApproval switch
        {
            "always" => (true, "rollback.require_approval is always"),
            "protected" when environment.Protected => (true, $"{environment.Name} is protected"),
            _ => (false, $"risk {assessment.RiskName} and rollback.require_approval is {policy.RequireApproval}{(environment.Protected ? "" : $" ({environment.Name} is not protected)")}"),
        };
    }

    public static string Title(RollbackPlan plan) => $"Roll back {plan.Environment} to {RollbackAssessment.Short(plan.Target!.Sha)} (risk {plan.Assessment.RiskName})";

    /// <summary>The merge request description (and <c>/envsync rollback</c> answer): marker, plan, risk and reasons.</summary>
    public static string Describe(RollbackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        if (plan.Target is not null)
        {
            sb.AppendLine(Marker(plan.Environment, plan.Target.Sha));
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"## Rollback of {plan.Environment} ({plan.Branch}) — risk **{plan.Assessment.RiskName}**");
        sb.AppendLine();
        if (plan.Refusal is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"No rollback: {plan.Refusal}.");
            return sb.ToString();
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"Current deployment #{plan.Current!.Id} at `{RollbackAssessment.Short(plan.Current.Sha)}`; last known-good deployment #{plan.Target!.Id} at `{RollbackAssessment.Short(plan.Target.Sha)}` (pipeline {plan.Target.PipelineStatus}).");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Undoes {plan.Commits.Count} commit(s):");
        foreach (var c in plan.Commits)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- `{RollbackAssessment.Short(c.Sha)}` {c.Title}");
        }

        sb.AppendLine();
        sb.AppendLine("Rollback Guardian:");
        foreach (var reason in plan.Assessment.Reasons)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {reason}");
        }

        sb.AppendLine();
        sb.AppendLine(plan.NeedsApproval ? $"Approval required: {plan.ApprovalReason}." : $"No approval required: {plan.ApprovalReason}.");
        return sb.ToString();
    }
}
