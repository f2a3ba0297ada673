using Microsoft.Extensions.Logging;
using RagnarokOps.Domain.Policy;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Cases;

/// <summary>
/// Reads <c>.ragnarok.yaml</c>, <c>.ragnarokignore</c> and CODEOWNERS. An invalid policy does not stop the case: it
/// goes on with the safe defaults (report only, every write waits for a person) and every problem is logged here and
/// listed, with file and line, in the triage note.
/// </summary>
[DurableTask(ActivityNames.LoadPolicy)]
internal sealed class LoadPolicyActivity(RepositoryReader reader, ILogger<LoadPolicyActivity> logger) : TaskActivity<CaseRef, CasePolicy>
{
    public override async Task<CasePolicy> RunAsync(TaskActivityContext context, CaseRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var repository = await reader.LoadAsync(input.ProjectId, CancellationToken.None);
        if (repository.Errors.Count > 0)
        {
            Log.PolicyInvalid(logger, input.ProjectId, repository.Errors.Count);
            foreach (var error in repository.Errors)
            {
                Log.PolicyProblem(logger, input.ProjectId, error.ToString());
            }
        }

        return ToCasePolicy(repository.Policy, repository.Errors.Select(e => e.ToString()).ToList());
    }

    internal static CasePolicy ToCasePolicy(RepositoryPolicy policy, IReadOnlyList<string> warnings) =>
        new(
            Gate(policy, ActionKind.DraftMr),
            Gate(policy, ActionKind.Revert),
            Gate(policy, ActionKind.Replay),
            ReplayEnvironment(policy),
            policy.Approval.Timeout,
            Approvers(policy),
            warnings);

    private static CaseApprovers Approvers(RepositoryPolicy policy)
    {
        var approval = policy.Approval;
        var rule = policy.IsDefault ? CaseApprovers.Default.Rule : $"approval in {PolicyParser.FileName}";
        return new CaseApprovers(approval.MinAccessLevel, approval.Users, approval.Groups, rule);
    }

    private static ActionGate Gate(RepositoryPolicy policy, ActionKind action)
    {
        var rule = policy.Actions[action];
        var name = $"actions.{ActionsPolicy.YamlName(action)}";
        var source = rule.Line > 0 ? $"{name} ({PolicyParser.FileName} line {rule.Line})" : $"the default for {name}";
        var mode = rule.Mode switch
        {
            ActionMode.Allow => ActionGate.Allow,
            ActionMode.Deny => ActionGate.Deny,
            _ => ActionGate.RequireApproval,
        };
        return new ActionGate(mode, rule.MinConfidence, source);
    }

    /// <summary>The first environment a replay may target: not protected, with a replay URL, and never production by name.</summary>
    internal static string? ReplayEnvironment(RepositoryPolicy policy) =>
        policy.Environments.FirstOrDefault(e => ReplaySafety.Refusal(e) is null)?.Name;
}
