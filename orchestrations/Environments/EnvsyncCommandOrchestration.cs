using RagnarokOps.Activities.Pipelines;
using Microsoft.DurableTask;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Domain.Rollback;
using RagnarokOps.Orchestrations.CherryPick;
using RagnarokOps.Orchestrations.Rollback;

namespace RagnarokOps.Orchestrations.Environments;

/// <summary>
/// One <c>/envsync</c> note command: runs the operation it names (the same orchestrator the timer starts, run inline
/// on this instance's context: the local engine's sidecar cannot start sub-orchestrations on the Azure Storage
/// provider — their history events do not round-trip its tables) and answers with one note on the issue, updated in
/// place on a re-run.
/// </summary>
[DurableTask(Name)]
public sealed class EnvsyncCommandOrchestration : TaskOrchestrator<EnvsyncCommand, EnvsyncOutcome>
{
    public const string Name = nameof(EnvsyncCommandOrchestration);

    public override async Task<EnvsyncOutcome> RunAsync(TaskOrchestrationContext context, EnvsyncCommand input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var project = new ProjectRequest(input.Project);
        var words = input.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        (bool Acted, string Summary, string Body) answer;
        switch (input.Verb)
        {
            case "status" when words.Length == 0:
                var status = await new EnvStatusOrchestration().RunAsync(context, project);
                answer = (status.Report is not null, status.Report is null ? "no status" : $"{status.Report.Environments.Count} environment(s)", EnvsyncAnswers.Status(input, status));
                break;
            case "drift-check" or "drift" when words.Length == 0:
                var drift = await new DriftCheckOrchestration().RunAsync(context, new DriftCheckRequest(input.Project, Publish: true));
                answer = (drift.Report is not null, drift.Report is null ? "no drift report" : $"{drift.Report.UnexpectedCount} unexpected difference(s)", EnvsyncAnswers.Drift(input, drift));
                break;
            case "promote" when PromoteFrom(words, out var from):
                var promote = await new PromoteOrchestration().RunAsync(context, new PromoteRequest(input.Project, from));
                answer = (promote.MergeRequest is not null, promote.MergeRequest is null ? $"refused: {promote.Reason}" : $"!{promote.MergeRequest.Iid}", EnvsyncAnswers.Promote(input, promote));
                break;
            case "doctor" when DoctorPipeline(words, out var pipeline):
                var doctor = await context.CallDiagnoseEnvironmentsAsync(new DoctorRequest(input.Project, pipeline), EnvironmentRetries.Read);
                answer = (doctor.Verdicts.Count > 0, doctor.Verdicts.Count == 0 ? "no verdict" : string.Join(", ", doctor.Verdicts.Select(v => $"{v.Environment}: {v.Cause}")),
                    EnvsyncAnswers.Answer(input, PipelineDoctorAnswer.Markdown(doctor)));
                break;
            case "rollback" when RollbackArguments(words, out var environment, out var dryRun):
                var rollback = await RollbackOrchestration.RunAsync(context, new RollbackRequest(input.Project, environment, dryRun), plan =>
                    AwaitApprovalAsync(context, input, RollbackRules.Action, RollbackRules.Describe(plan).Replace(RollbackRules.Marker(plan.Environment, plan.Target?.Sha ?? ""), "", StringComparison.Ordinal).Trim()));
                answer = (rollback.State == RollbackOutcome.Opened, rollback.Summary, EnvsyncWriteAnswers.Rollback(input, rollback));
                break;
            case "cherry-pick" when CherryPickArguments(words, input.OnMergeRequest ? input.IssueIid : null, out var to, out var commits, out var mergeRequest, out var pickDryRun):
                var pick = await CherryPickOrchestration.RunAsync(context, new CherryPickRequest(input.Project, to, commits, pickDryRun, MergeRequest: mergeRequest), (plan, report) =>
                    AwaitApprovalAsync(context, input, CherryPickOrchestration.Action,
                        $"Cherry-pick of {plan.Commits.Count} commit(s) to {plan.To} ({plan.TargetBranch}) through `{plan.Branch}`: a proposed resolution (tier 2) needs a person; the report is issue #{report.Iid}{(report.WebUrl is null ? "" : $" ({report.WebUrl})")}."));
                answer = (pick.MergeRequest is not null, pick.MergeRequest is null ? pick.Status : $"{pick.Status} !{pick.MergeRequest.Iid}", EnvsyncWriteAnswers.CherryPick(input, pick));
                break;
            default:
                var reason = Refusal(input.Verb, words);
                answer = (false, reason, EnvsyncAnswers.Refused(input, reason));
                break;
        }

        var note = await context.CallAnswerEnvsyncAsync(new EnvsyncAnswerRequest(input, answer.Body), EnvironmentRetries.Write);
        return new EnvsyncOutcome(input.Verb, answer.Acted, answer.Summary, note);
    }

    /// <summary>
    /// Before the approval wait: who may approve (the policy's <c>approval</c> section, as for escalations) goes into the
    /// custom status <c>/envsync approve</c> reads, and the answer note says what waits and how to approve it.
    /// </summary>
    private static async Task AwaitApprovalAsync(TaskOrchestrationContext context, EnvsyncCommand input, string action, string detail)
    {
        var policy = await context.CallLoadPolicyAsync(new CaseRef(input.ProjectId, input.Project, input.IssueIid), EnvironmentRetries.Read);
        var awaiting = new EnvsyncAwaiting(action, detail, policy.Approvers);
        context.SetCustomStatus(awaiting);
        await context.CallAnswerEnvsyncAsync(new EnvsyncAnswerRequest(input, EnvsyncWriteAnswers.Waiting(input, context.InstanceId, awaiting)), EnvironmentRetries.Write);
    }

    /// <summary><c>rollback --env production [--dry-run]</c> or <c>rollback production</c>.</summary>
    private static bool RollbackArguments(string[] words, out string environment, out bool dryRun)
    {
        dryRun = words.Contains("--dry-run", StringComparer.Ordinal);
        var rest = words.Where(w => w != "--dry-run").ToArray();
        environment = rest switch
        {
            ["--env", var env] => env,
            [var env] when !env.StartsWith('-') => env,
            _ => "",
        };
        return environment.Length > 0;
    }

    /// <summary>
    /// <c>cherry-pick --to staging --commit SHA [SHA…] [--dry-run]</c> (commits oldest first; <c>--commit</c> may repeat),
    /// or <c>--mr IID</c> for a merge request's commits; on a merge request, naming neither picks that one's commits.
    /// </summary>
    private static bool CherryPickArguments(string[] words, long? thisMergeRequest, out string to, out IReadOnlyList<string> commits, out long? mergeRequest, out bool dryRun)
    {
        (to, dryRun, mergeRequest) = ("", false, null);
        var shas = new List<string>();
        string? option = null;
        foreach (var word in words)
        {
            switch (word)
            {
                case "--dry-run":
                    (dryRun, option) = (true, null);
                    break;
                case "--to" or "--commit" or "--mr":
                    option = word;
                    break;
                case var value when option == "--to" && to.Length == 0 && !value.StartsWith('-'):
                    (to, option) = (value, null);
                    break;
                case var value when option == "--commit" && !value.StartsWith('-'):
                    shas.Add(value);
                    break;
                case var value when option == "--mr" && mergeRequest is null
                    && long.TryParse(value.TrimStart('!'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iid):
                    (mergeRequest, option) = (iid, null);
                    break;
                default:
                    commits = [];
                    return false;
            }
        }

        commits = shas;
        mergeRequest ??= shas.Count == 0 ? thisMergeRequest : null;
        return to.Length > 0 && (shas.Count > 0) != (mergeRequest is not null);
    }

    /// <summary><c>promote</c>, <c>promote dev</c> or <c>promote --from dev</c>.</summary>
    private static bool PromoteFrom(string[] words, out string? from)
    {
        from = words switch
        {
            [] => null,
            ["--from", var env] => env,
            [var env] when !env.StartsWith('-') => env,
            _ => "\0",
        };
        return from != "\0";
    }

    /// <summary><c>doctor</c> (the latest failed environment pipeline) or <c>doctor 123</c>.</summary>
    private static bool DoctorPipeline(string[] words, out long? pipeline)
    {
        pipeline = null;
        if (words.Length == 0)
        {
            return true;
        }

        if (words.Length == 1 && long.TryParse(words[0].TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            pipeline = id;
            return true;
        }

        return false;
    }

    private static string Refusal(string verb, string[] words) => verb switch
    {
        "doctor" => $"/envsync doctor takes [PIPELINE_ID], not '{string.Join(' ', words)}'",
        "" => "no operation named",
        "status" or "drift-check" or "drift" => $"/envsync {verb} takes no arguments, not '{string.Join(' ', words)}'",
        "promote" => $"/envsync promote takes [--from ENV], not '{string.Join(' ', words)}'",
        "rollback" => $"/envsync rollback takes --env NAME [--dry-run], not '{string.Join(' ', words)}'",
        "cherry-pick" => $"/envsync cherry-pick takes --to ENV --commit SHA...|--mr IID [--dry-run], not '{string.Join(' ', words)}'",
        _ => $"unknown operation '{verb}'",
    };
}
