using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Tests.Engine;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Activities.Tests;

/// <summary>
/// The registrations the host uses, on the real engine against the real sandbox: every contract crosses the
/// engine's serialisation, and the checkout case ends in a draft merge request reverting the seeded culprit.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class EscalationFlowTests(SandboxCase sandbox)
{
    [Fact]
    public async Task AddEscalationActivities_CheckoutCaseApproved_EndsInADraftRevertOfTheCulprit()
    {
        using var artifacts = new TempDirectory("ragnarok-flow-artifacts");
        var issue = await sandbox.GitLab.CreateIssueAsync(sandbox.Truth.ProjectId, new GitLabNewIssue
        {
            Title = sandbox.Truth.IssueTitle,
            Description = sandbox.Truth.IssueDescription,
            Labels = string.Join(',', sandbox.Truth.IssueLabels),
        }, CancellationToken.None);
        var caseRef = new CaseRef(sandbox.Truth.ProjectId, sandbox.Truth.ProjectPath, issue.Iid);
        await using var engine = await EngineHost.StartAsync(
            r => r.AddOrchestrator<EscalationOrchestration>().AddEscalationActivities(),
            services: s => SandboxCase.AddServices(s, sandbox.Server, sandbox.DataDirectory, artifacts.Path));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            EscalationOrchestration.Name, new EscalationRequest(caseRef, "issue-label", "alice", null), new StartOrchestrationOptions(caseRef.InstanceId));
        var waiting = await WaitForApprovalAsync(engine.Client, id);
        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName,
            new ApprovalDecision(true, $"revert:{sandbox.Truth.CulpritSha}", "carol", null, DateTimeOffset.UtcNow));
        var done = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<EscalationOutcome>()!;
        Assert.Equal(EscalationOutcome.HotfixProposed, outcome.Result);
        Assert.Equal(sandbox.Truth.CulpritSha, outcome.TopHypothesis?.Subject);
        Assert.Equal($"ragnarok/hotfix-{issue.Iid}", outcome.MergeRequest?.SourceBranch);
        Assert.True(outcome.MergeRequest?.Created);
        Assert.Equal(waiting.ApprovalUrl, outcome.ApprovalUrl);
        Assert.Empty(outcome.Missing);
    }

    private static async Task<EscalationStatus> WaitForApprovalAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(EngineHost.Timeout);
        while (true)
        {
            var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.True(metadata?.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Completed), metadata?.FailureDetails?.ErrorMessage ?? "ended before approval");
            if (metadata?.ReadCustomStatusAs<EscalationStatus>() is { Step: EscalationSteps.AwaitingApproval } status)
            {
                return status;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
