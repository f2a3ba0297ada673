using RagnarokOps.Activities;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Duplicates;
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
    public async Task RunAsync_Gathering_RunsAllSourcesInParallel_AndKeepsConfigDrift()
    {
        var fake = new FakeCase { AllGatherersStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), TopConfidence = 0.3 };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var result = await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Empty(fake.PublishedReport!.Evidence.Missing);
        Assert.Equal(1, fake.Count("logs"));
        Assert.Equal(1, fake.Count("commits"));
        Assert.Equal(1, fake.Count("config drift"));
        Assert.Equal("http.timeout_seconds", Assert.Single(fake.PublishedReport.Evidence.ConfigDrift!).Key);
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
    public async Task RunAsync_RevertGateAboveTheConfidence_ProposesNoHotfixThoughDraftMrAllows()
    {
        // The issue's case: draft_mr 0.6 is met at 0.88, revert {require_approval, 0.9} is not.
        var fake = new FakeCase { TopConfidence = 0.88 };
        fake.Policy = fake.Policy with { Revert = new ActionGate(ActionGate.RequireApproval, 0.9, "actions.revert (.ragnarok.yaml line 38)") };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.Reported, outcome.Result);
        Assert.Equal(0, fake.Count(ActivityNames.IssueApprovalLink));
        Assert.Equal("Confidence 0.88 is below 0.90 required by actions.revert (.ragnarok.yaml line 38): no hotfix is proposed.", fake.PublishedReport!.PolicyDecision);
    }

    [Fact]
    public async Task RunAsync_RevertDenied_ProposesNoHotfix()
    {
        var fake = new FakeCase();
        fake.Policy = fake.Policy with { Revert = new ActionGate(ActionGate.Deny, 0, "actions.revert (.ragnarok.yaml line 9)") };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.Reported, outcome.Result);
        Assert.Equal("Reverts are denied by actions.revert (.ragnarok.yaml line 9): no hotfix is proposed.", fake.PublishedReport!.PolicyDecision);
    }

    [Fact]
    public async Task RunAsync_ReplayConfidenceBelowItsMinimum_SkipsTheReplayNamingTheRule()
    {
        var fake = new FakeCase { TopConfidence = 0.3 };
        fake.Policy = fake.Policy with { Replay = new ActionGate(ActionGate.Allow, 0.5, "actions.replay (.ragnarok.yaml line 36)"), ReplayEnvironment = "staging" };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId);

        Assert.Equal(0, fake.Count(ActivityNames.ReplayInStaging));
        var replay = fake.PublishedReport!.Replay!;
        Assert.False(replay.Ran);
        Assert.Equal("not replayed: confidence 0.30 is below 0.50 required by actions.replay (.ragnarok.yaml line 36)", replay.Summary);
        Assert.Equal("replay", replay.Missing!.Source);
    }

    [Fact]
    public async Task RunAsync_ReplayDenied_SkipsTheReplayNamingTheRule()
    {
        var fake = new FakeCase { TopConfidence = 0.95 };
        fake.Policy = fake.Policy with { Replay = new ActionGate(ActionGate.Deny, 0, "actions.replay (.ragnarok.yaml line 36)"), ReplayEnvironment = "staging" };
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);
        await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval);

        Assert.Equal(0, fake.Count(ActivityNames.ReplayInStaging));
        Assert.Equal("not replayed: replay is denied by actions.replay (.ragnarok.yaml line 36)", fake.PublishedReport!.Replay!.Summary);
    }

    [Fact]
    public async Task RunAsync_ReplayRequiresApproval_WaitsForAPersonThenReplays()
    {
        var fake = new FakeCase { TopConfidence = 0.86 };
        fake.Policy = fake.Policy with { Replay = new ActionGate(ActionGate.RequireApproval, 0.5, "actions.replay (.ragnarok.yaml line 36)"), ReplayEnvironment = "staging" };
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);

        var waiting = (await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval)).ReadCustomStatusAs<EscalationStatus>()!;
        Assert.Equal(0, fake.Count(ActivityNames.ReplayInStaging));
        Assert.StartsWith("replay the failing request against staging", waiting.Detail, StringComparison.Ordinal);
        Assert.Equal(["carol"], waiting.Approvers!.Users);
        Assert.Equal("replay:staging", fake.PublishedReport!.Approval!.Action);
        Assert.StartsWith("waiting for a person: replay against staging at confidence 0.86 needs a person's approval", fake.PublishedReport.Replay!.Summary, StringComparison.Ordinal);

        // A decision for the hotfix is not a decision for the replay.
        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "revert:abc123", "carol", null, DateTimeOffset.UtcNow));
        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "replay:staging", "carol", null, DateTimeOffset.UtcNow));
        await WaitForDetailAsync(engine, id, "revert abc123");

        Assert.Equal(1, fake.Count(ActivityNames.ReplayInStaging));
        Assert.Equal("staging", fake.ReplayRequest!.Environment);
        Assert.True(fake.PublishedReport!.Replay!.Reproduced);
        Assert.Equal("revert:abc123", fake.PublishedReport.Approval!.Action);
    }

    [Fact]
    public async Task RunAsync_ReplayApprovalRejected_SkipsTheReplayWithWhoAndWhy()
    {
        var fake = new FakeCase { TopConfidence = 0.3 };
        fake.Policy = fake.Policy with { Replay = new ActionGate(ActionGate.RequireApproval, 0.2, "actions.replay"), ReplayEnvironment = "staging" };
        await using var engine = await EngineHost.StartAsync(fake.Register);
        var id = await StartAsync(engine);
        await WaitForStepAsync(engine, id, EscalationSteps.AwaitingApproval);

        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(false, "replay:staging", "carol", "staging is shared today", DateTimeOffset.UtcNow));
        var outcome = (await engine.CompleteAsync(id)).ReadOutputAs<EscalationOutcome>()!;

        Assert.Equal(EscalationOutcome.Reported, outcome.Result);
        Assert.Equal(0, fake.Count(ActivityNames.ReplayInStaging));
        Assert.Equal("not replayed: carol rejected the replay (staging is shared today)", fake.PublishedReport!.Replay!.Summary);
    }

    [Fact]
    public async Task RunAsync_Duplicate_StopsAfterTheCheckWithoutGatheringEvidence()
    {
        var fake = new FakeCase { Duplicate = new DuplicateCheckResult(true, "escalation-7-41", "shop/checkout#41", "the same fingerprint `fp-1` as shop/checkout#41 (case still open)") };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var result = await engine.RunAsync(EscalationOrchestration.Name, Request, FakeCase.Case.InstanceId);

        var outcome = result.ReadOutputAs<EscalationOutcome>()!;
        Assert.Equal(EscalationOutcome.Duplicate, outcome.Result);
        Assert.Equal("escalation-7-41", outcome.DuplicateOf);
        Assert.Equal(0, fake.Count("logs"));
        Assert.Equal(0, fake.Count(ActivityNames.PublishTriageReport));
        Assert.False(fake.DuplicateRequest!.Force);
    }

    [Fact]
    public async Task RunAsync_Forced_PassesForceAndClosesTheCaseAtTheEnd()
    {
        var fake = new FakeCase { TopConfidence = 0.3 };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        await engine.RunAsync(EscalationOrchestration.Name, Request with { Force = true }, FakeCase.Case.InstanceId);

        Assert.True(fake.DuplicateRequest!.Force);
        Assert.Equal(1, fake.Count(ActivityNames.CloseCase));
        Assert.Equal(ActivityNames.CloseCase, fake.Calls.Last());
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

    private static async Task<EscalationStatus> WaitForDetailAsync(EngineHost engine, string id, string detail)
    {
        using var cts = new CancellationTokenSource(EngineHost.Timeout);
        while (true)
        {
            var metadata = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token);
            if (metadata?.ReadCustomStatusAs<EscalationStatus>() is { Step: EscalationSteps.AwaitingApproval } status && status.Detail.StartsWith(detail, StringComparison.Ordinal))
            {
                return status;
            }

            Assert.NotEqual(OrchestrationRuntimeStatus.Failed, metadata?.RuntimeStatus);
            await Task.Delay(50, cts.Token);
        }
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
