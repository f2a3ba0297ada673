using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Duplicates;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Orchestrations.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Orchestrations.Escalation;

/// <summary>
/// A critical escalation, from intake to a proposed hotfix: policy → normalise → gather evidence in
/// parallel → score → repro (+ safe replay) → triage note → wait for a person → draft MR → outcome.
/// </summary>
/// <remarks>
/// Deterministic code only: it decides what to call next and nothing else. Changing the order or the
/// names of calls breaks instances that are in flight (their history no longer matches); add steps at
/// the end or version the orchestration instead.
/// </remarks>
public sealed class EscalationOrchestration : TaskOrchestrator<EscalationRequest, EscalationOutcome>
{
    public const string Name = nameof(EscalationOrchestration);

    /// <summary>Sources are flaky; three tries over about half a minute, then the source is named as missing.</summary>
    internal static readonly TaskOptions GatherRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromSeconds(30)));

    internal static readonly TaskOptions WriteRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<EscalationOutcome> RunAsync(TaskOrchestrationContext context, EscalationRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        Step(context, EscalationSteps.LoadingPolicy, $"reading the policy of {input.Case.ProjectPath}");
        var policy = await context.CallLoadPolicyAsync(input.Case, WriteRetry);

        Step(context, EscalationSteps.Normalizing, $"reading issue #{input.Case.IssueIid}");
        var caseFile = await context.CallNormalizeEscalationAsync(input.Case, WriteRetry);

        Step(context, EscalationSteps.CheckingDuplicates, $"other cases with fingerprint {caseFile.Fingerprint} or a near-same one");
        var duplicate = await context.CallCheckDuplicateAsync(new DuplicateCheckRequest(caseFile, context.CurrentUtcDateTime, input.Force), WriteRetry);
        if (duplicate.Stop)
        {
            Step(context, EscalationSteps.Done, $"{EscalationOutcome.Duplicate} of {duplicate.OriginalIssue}: {duplicate.Reason}");
            return new EscalationOutcome(EscalationOutcome.Duplicate, null, null, null, null, []) { DuplicateOf = duplicate.OriginalInstanceId };
        }

        Step(context, EscalationSteps.GatheringEvidence, $"logs, deployments, pipelines, flags and commits for {caseFile.Service ?? "an unknown service"}");
        var evidence = await EvidenceFanOut.GatherAsync(context, caseFile, GatherRetry);

        Step(context, EscalationSteps.Scoring, $"{evidence.Commits.Count} commits, {evidence.Deployments.Count} deployments, {evidence.FlagChanges.Count} flag changes");
        var diagnosis = await context.CallScoreHypothesesAsync(new ScoreRequest(caseFile, evidence), WriteRetry);

        Step(context, EscalationSteps.BuildingRepro, "the failing request, a repro plan and a regression test");
        var repro = await context.CallBuildReproPlanAsync(new ReproRequest(caseFile, evidence, diagnosis), WriteRetry);

        var top = diagnosis.Top;
        var replay = await ReplayAsync(context, policy, new TriageReportRequest(caseFile, evidence, diagnosis, repro, null, null, ""), top?.Confidence ?? 0);

        var (proposal, policyDecision) = PolicyGates.Hotfix(policy, top);
        ApprovalLink? link = null;
        if (proposal is not null)
        {
            link = await context.CallIssueApprovalLinkAsync(
                new ApprovalLinkRequest(context.InstanceId, ActionOf(proposal), context.CurrentUtcDateTime.Add(policy.ApprovalTimeout)),
                WriteRetry);
        }

        Step(context, EscalationSteps.PublishingReport, "the triage note on the issue");
        var report = await context.CallPublishTriageReportAsync(
            new TriageReportRequest(caseFile, evidence, diagnosis, repro, replay, link, policyDecision),
            WriteRetry);

        if (proposal is null || link is null)
        {
            return await FinishAsync(context, EscalationOutcome.Reported, top, report, link, null, evidence, caseFile.Case);
        }

        context.SetCustomStatus(new EscalationStatus(
            EscalationSteps.AwaitingApproval, $"{proposal.Action!.Description} — waiting for a person until {link.ExpiresAt:u}", report.NoteUrl, link.Url, policy.Approvers));
        var decision = await WaitForDecisionAsync(context, link);
        if (decision is null || !decision.Approved)
        {
            var (result, message) = decision is null
                ? (EscalationOutcome.TimedOut, $"No decision before {link.ExpiresAt:u}: the proposed hotfix ({proposal.Action!.Description}) was not created.")
                : (EscalationOutcome.Rejected, $"{decision.By} rejected the proposed hotfix ({proposal.Action!.Description}){(string.IsNullOrWhiteSpace(decision.Comment) ? "." : $": {decision.Comment}")}");
            Step(context, EscalationSteps.PublishingOutcome, message);
            await context.CallPublishOutcomeAsync(new OutcomeRequest(caseFile.Case, result, message), WriteRetry);
            return await FinishAsync(context, result, top, report, link, null, evidence, caseFile.Case);
        }

        Step(context, EscalationSteps.CreatingMergeRequest, $"{decision.By} approved: {proposal.Action!.Description}");
        var mergeRequest = await context.CallCreateDraftMergeRequestAsync(new DraftMergeRequestRequest(caseFile, proposal, repro, decision), WriteRetry);

        var outcome = mergeRequest.Url is not null ? EscalationOutcome.HotfixProposed : EscalationOutcome.HotfixFailed;
        var summary = mergeRequest.Url is not null
            ? $"Draft merge request {mergeRequest.Url} ({mergeRequest.SourceBranch}) proposes the hotfix, approved by {decision.By}."
            : $"The approved hotfix could not be opened: {mergeRequest.Problem}";
        Step(context, EscalationSteps.PublishingOutcome, summary);
        await context.CallPublishOutcomeAsync(new OutcomeRequest(caseFile.Case, outcome, summary), WriteRetry);
        return await FinishAsync(context, outcome, top, report, link, mergeRequest, evidence, caseFile.Case);
    }

    /// <summary>
    /// The replay gate: skipped with the reason, sent at once (<c>allow</c>), or — <c>require_approval</c> — the triage
    /// note goes out first with a replay approval link and the case waits for a person before anything is sent.
    /// </summary>
    private static async Task<ReplayResult> ReplayAsync(TaskOrchestrationContext context, CasePolicy policy, TriageReportRequest draft, double confidence)
    {
        var gate = PolicyGates.Replay(policy, confidence, draft.Repro);
        if (gate.Verdict == ReplayVerdict.Skip)
        {
            return new ReplayResult(false, false, gate.Reason, new MissingEvidence("replay", gate.Reason));
        }

        var environment = policy.ReplayEnvironment!;
        if (gate.Verdict == ReplayVerdict.AskApproval)
        {
            var link = await context.CallIssueApprovalLinkAsync(
                new ApprovalLinkRequest(context.InstanceId, PolicyGates.ReplayAction(environment), context.CurrentUtcDateTime.Add(policy.ApprovalTimeout)),
                WriteRetry);
            Step(context, EscalationSteps.PublishingReport, "the triage note on the issue, asking to approve the replay");
            var pending = new ReplayResult(false, false, $"waiting for a person: {gate.Reason}", null);
            var report = await context.CallPublishTriageReportAsync(draft with { Replay = pending, Approval = link, PolicyDecision = gate.Reason }, WriteRetry);
            context.SetCustomStatus(new EscalationStatus(
                EscalationSteps.AwaitingApproval, $"replay the failing request against {environment} — waiting for a person until {link.ExpiresAt:u}", report.NoteUrl, link.Url, policy.Approvers));
            var decision = await WaitForDecisionAsync(context, link);
            if (decision is null || !decision.Approved)
            {
                var reason = decision is null
                    ? $"not replayed: no decision on the replay before {link.ExpiresAt:u}"
                    : $"not replayed: {decision.By} rejected the replay{(string.IsNullOrWhiteSpace(decision.Comment) ? "" : $" ({decision.Comment})")}";
                return new ReplayResult(false, false, reason, new MissingEvidence("replay", reason));
            }
        }

        Step(context, EscalationSteps.Replaying, $"the failing request against {environment}");
        try
        {
            return await context.CallReplayInStagingAsync(new ReplayRequest(draft.Case, draft.Repro, environment), GatherRetry);
        }
        catch (TaskFailedException ex)
        {
            return new ReplayResult(false, false, "replay failed", new MissingEvidence("replay", ex.FailureDetails.ErrorMessage));
        }
    }

    private static string ActionOf(HypothesisSummary proposal) => $"{proposal.Action!.Kind}:{proposal.Action.Target}";

    /// <summary>Waits for a decision on this link's action until the link expires; decisions for other actions are ignored.</summary>
    private static async Task<ApprovalDecision?> WaitForDecisionAsync(TaskOrchestrationContext context, ApprovalLink link)
    {
        while (true)
        {
            var remaining = link.ExpiresAt - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                var decision = await context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName, remaining);
                if (string.Equals(decision.Action, link.Action, StringComparison.Ordinal))
                {
                    return decision;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    private static async Task<EscalationOutcome> FinishAsync(
        TaskOrchestrationContext context,
        string result,
        HypothesisSummary? top,
        PublishedReport report,
        ApprovalLink? link,
        MergeRequestResult? mergeRequest,
        EvidenceBundle evidence,
        CaseRef caseRef)
    {
        // Closed cases still absorb duplicates for a while; the index must know this one ended.
        await context.CallCloseCaseAsync(new CloseCaseRequest(caseRef, context.CurrentUtcDateTime), WriteRetry);
        Step(context, EscalationSteps.Done, result, report.NoteUrl);
        return new EscalationOutcome(result, top, report.NoteUrl, link?.Url, mergeRequest, evidence.Missing);
    }

    private static void Step(TaskOrchestrationContext context, string step, string detail, string? noteUrl = null) =>
        context.SetCustomStatus(new EscalationStatus(step, detail, noteUrl));
}
