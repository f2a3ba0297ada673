using RagnarokOps.Activities;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Tests.Engine;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Orchestrations.Tests.Escalation;

public sealed class EscalationOrchestrationTests
{
    private static readonly EscalationRequest Request = new(FakeCase.Case, "issue-label", "alice", "uuid-1");

    [Fact]
    public async Task RunAsync_Gathering_RunsAllFiveSourcesInParallel()
    {
        var fake = new FakeCase { AllGatherersStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), TopConfidence = 0.3 };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var result = await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Empty(fake.PublishedReport!.Evidence.Missing);
        Assert.Equal(1, fake.Count("logs"));
        Assert.Equal(1, fake.Count("commits"));
    }

    [Fact]
    public async Task RunAsync_OneSourceFails_StillPublishesTheReportNamingWhy()
    {
        var fake = new FakeCase();
        fake.FailingSources.Add("pipelines");
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);

        var waiting = await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval);

        Assert.Equal(3, fake.Count("pipelines"));
        var missing = Assert.Single(fake.PublishedReport!.Evidence.Missing);
        Assert.Equal("pipelines", missing.Source);
        Assert.Contains("503 Service Unavailable", missing.Reason, StringComparison.Ordinal);
        Assert.Single(fake.PublishedReport.Evidence.Deployments);
        Assert.NotNull(waiting.ReadCustomStatusAs<EscalationStatus>()!.ApprovalUrl);
    }

    [Fact]
    public async Task RunAsync_Approved_CreatesTheDraftMergeRequestOnce()
    {
        var fake = new FakeCase();
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);
        var waiting = await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval);
        Assert.Equal(0, fake.Count(ActivityNames.CreateDraftMergeRequest));

        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "revert:abc123", "bob", null, DateTimeOffset.UtcNow));
        var result = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var outcome = result.ReadOutputAs<EscalationOutcome>()!;
        Assert.Equal(EscalationOutcome.HotfixProposed, outcome.Result);
        Assert.Equal("ragnarok/hotfix-42", outcome.MergeRequest!.SourceBranch);
        Assert.Equal(waiting.ReadCustomStatusAs<EscalationStatus>()!.ApprovalUrl, outcome.ApprovalUrl);
        Assert.Equal(1, fake.Count(ActivityNames.CreateDraftMergeRequest));
        Assert.Equal(1, fake.Count(ActivityNames.PublishTriageReport));
        Assert.Equal(EscalationOutcome.HotfixProposed, fake.Outcome!.Outcome);
        Assert.Contains("approved by bob", fake.Outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Rejected_SaysSoAndWritesNoCode()
    {
        var fake = new FakeCase();
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);
        await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval);

        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(false, "revert:abc123", "carol", "not the cause", DateTimeOffset.UtcNow));
        var outcome = (await engine.CompleteAsync(id)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.Rejected, outcome.Result);
        Assert.Null(outcome.MergeRequest);
        Assert.Equal(0, fake.Count(ActivityNames.CreateDraftMergeRequest));
        Assert.Equal("carol rejected the proposed hotfix (revert abc123): not the cause", fake.Outcome!.Message);
    }

    [Fact]
    public async Task RunAsync_NoDecisionBeforeTheTimeout_TimesOutWithANote()
    {
        var fake = new FakeCase();
        fake.Policy = fake.Policy with { ApprovalTimeout = TimeSpan.FromSeconds(2) };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.TimedOut, outcome.Result);
        Assert.Equal(0, fake.Count(ActivityNames.CreateDraftMergeRequest));
        Assert.StartsWith("No decision before", fake.Outcome!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DecisionForAnotherAction_IsIgnored()
    {
        var fake = new FakeCase();
        fake.Policy = fake.Policy with { ApprovalTimeout = TimeSpan.FromSeconds(3) };
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);
        await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval);

        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "revert:other", "mallory", null, DateTimeOffset.UtcNow));
        var outcome = (await engine.CompleteAsync(id)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.TimedOut, outcome.Result);
        Assert.Equal(0, fake.Count(ActivityNames.CreateDraftMergeRequest));
    }

    [Fact]
    public async Task RunAsync_ConfidenceBelowPolicy_ReportsWithoutAnApprovalLink()
    {
        var fake = new FakeCase { TopConfidence = 0.41 };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.Reported, outcome.Result);
        Assert.Null(outcome.ApprovalUrl);
        Assert.Equal(0, fake.Count(ActivityNames.IssueApprovalLink));
        Assert.Equal("Confidence 0.41 is below 0.60 required by .ragnarok.yaml actions.draft_mr: no hotfix is proposed.", fake.PublishedReport!.PolicyDecision);
    }

    [Fact]
    public async Task RunAsync_ReplayAllowed_ReplaysAgainstThePolicyEnvironment()
    {
        var fake = new FakeCase { TopConfidence = 0.3 };
        fake.Policy = fake.Policy with { Replay = new ActionGate(ActionGate.Allow, 0, "policy"), ReplayEnvironment = "staging" };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId);

        Assert.Equal(1, fake.Count(ActivityNames.ReplayInStaging));
        Assert.True(fake.PublishedReport!.Replay!.Reproduced);
    }

    private static Task<string> StartAsync(EngineHost engine) =>
        engine.Client.ScheduleNewOrchestrationInstanceAsync(EscalationOrchestration.Name, Request, new StartOrchestrationOptions(FakeCase.Case.InstanceId));

    private static async Task<OrchestrationMetadata> WaitForStepAsync(EngineHost engine, string id, string step)
    {
        using var cts = new CancellationTokenSource(EngineHost.Timeout);
        while (true)
        {
            var metadata = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token);
            if (metadata?.ReadCustomStatusAs<EscalationStatus>()?.Step == step)
            {
                return metadata;
            }

            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, metadata?.RuntimeStatus);
            await Task.Delay(50, cts.Token);
        }
    }
}
