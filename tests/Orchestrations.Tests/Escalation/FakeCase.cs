using System.Collections.Concurrent;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Duplicates;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Orchestrations.Tests.Escalation;

/// <summary>
/// Fake activities for the escalation orchestration: canned answers, and a record of what was called,
/// so tests check the orchestrator's decisions on the real engine without GitLab or logs.
/// </summary>
internal sealed class FakeCase
{
    public static readonly CaseRef Case = new(7, "shop/checkout", 42);

    private static readonly DateTimeOffset Anchor = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public ConcurrentQueue<string> Calls { get; } = new();

    public CasePolicy Policy { get; set; } = new(
        new ActionGate(ActionGate.RequireApproval, 0.6, ".ragnarok.yaml actions.draft_mr"),
        new ActionGate(ActionGate.RequireApproval, 0.8, ".ragnarok.yaml actions.revert"),
        new ActionGate(ActionGate.Deny, 1, "default"),
        null,
        TimeSpan.FromMinutes(30),
        new CaseApprovers(40, ["carol"], [], "approval in .ragnarok.yaml"),
        []);

    /// <summary>What CheckDuplicate answers; null: not a duplicate.</summary>
    public DuplicateCheckResult? Duplicate { get; set; }

    public DuplicateCheckRequest? DuplicateRequest { get; private set; }

    public ReplayRequest? ReplayRequest { get; private set; }

    public List<TriageReportRequest> PublishedReports { get; } = [];

    public double TopConfidence { get; set; } = 0.86;

    /// <summary>Sources that throw on every attempt.</summary>
    public HashSet<string> FailingSources { get; } = [];

    /// <summary>
    /// When set, every gather activity waits until <see cref="ParallelGatherers"/> of them have started (proves the
    /// fan-out is parallel: sequential gathering would leave the first one waiting for a second that never starts).
    /// </summary>
    public TaskCompletionSource? AllGatherersStarted { get; set; }

    /// <summary>The test host runs as many activities at once as the machine has cores; five when it has more.</summary>
    public static int ParallelGatherers { get; } = Math.Clamp(Environment.ProcessorCount, 2, 5);

    public TriageReportRequest? PublishedReport { get; private set; }

    public OutcomeRequest? Outcome { get; private set; }

    private int _gatherersStarted;

    public void Register(DurableTaskRegistry r)
    {
        r.AddOrchestrator<EscalationOrchestration>();
        r.AddActivityFunc<CaseRef, CasePolicy>(ActivityNames.LoadPolicy, (_, _) => Record(ActivityNames.LoadPolicy, Policy));
        r.AddActivityFunc<CaseRef, CaseFile>(ActivityNames.NormalizeEscalation, (_, c) => Record(ActivityNames.NormalizeEscalation, new CaseFile(
            c!, "Checkout returns 500", "checkout", "production", new TimeWindow(Anchor.AddHours(-6), Anchor), "fp-1", ["NullReferenceException"])));
        r.AddActivityFunc<GatherRequest, LogsResult>(ActivityNames.GatherLogs, async (_, _) =>
        {
            await GatherAsync("logs");
            return new LogsResult(new LogEvidence("checkout", "log-file", new TimeWindow(Anchor.AddHours(-6), Anchor), [], [], [], []), null);
        });
        r.AddActivityFunc<GatherRequest, SourceResult<DeploymentEvidence>>(ActivityNames.GatherDeployments, async (_, _) =>
        {
            await GatherAsync("deployments");
            return new SourceResult<DeploymentEvidence>([new DeploymentEvidence(1, "production", "abc123", "main", "success", Anchor.AddHours(-2), Anchor.AddHours(-2), null, ["abc123"])], null);
        });
        r.AddActivityFunc<GatherRequest, SourceResult<PipelineEvidence>>(ActivityNames.GatherPipelines, async (_, _) =>
        {
            await GatherAsync("pipelines");
            return new SourceResult<PipelineEvidence>([], null);
        });
        r.AddActivityFunc<GatherRequest, SourceResult<FlagChangeEvidence>>(ActivityNames.GatherFlagChanges, async (_, _) =>
        {
            await GatherAsync("flags");
            return new SourceResult<FlagChangeEvidence>([], null);
        });
        r.AddActivityFunc<GatherRequest, SourceResult<CommitEvidence>>(ActivityNames.GatherCommits, async (_, _) =>
        {
            await GatherAsync("commits");
            return new SourceResult<CommitEvidence>([], null);
        });
        r.AddActivityFunc<GatherRequest, SourceResult<ConfigDriftEvidence>>(ActivityNames.GatherConfigDrift, async (_, _) =>
        {
            await GatherAsync("config drift");
            return new SourceResult<ConfigDriftEvidence>([new ConfigDriftEvidence("production", "config/app.yaml", "http.timeout_seconds", "30", "90", Anchor.AddHours(-3))], null);
        });
        r.AddActivityFunc<ScoreRequest, CaseDiagnosis>(ActivityNames.ScoreHypotheses, (_, _) => Record(ActivityNames.ScoreHypotheses, new CaseDiagnosis(
            [new HypothesisSummary("deployment", "abc123", "Remove coupon null check", TopConfidence, new ProposedAction("revert", "abc123", "revert abc123"))],
            Anchor.AddHours(-2).AddMinutes(3),
            "errors rose from 0.1/min to 40/min")));
        r.AddActivityFunc<ReproRequest, ReproResult>(ActivityNames.BuildReproPlan, (_, _) => Record(ActivityNames.BuildReproPlan, new ReproResult(
            "1. POST /api/checkout", "xunit", "tests/CheckoutRegressionTests.cs", "// test", null,
            new ReplayTarget("POST", "/api/checkout", "{}", "application/json", 200, 500, null), "repro/checkout_escalation_42.sh", "#!/usr/bin/env sh", "repro-checkout_escalation_42.sh")));
        r.AddActivityFunc<ReplayRequest, ReplayResult>(ActivityNames.ReplayInStaging, (_, replay) =>
        {
            ReplayRequest = replay;
            return Record(ActivityNames.ReplayInStaging, new ReplayResult(true, true, "500 on staging", null));
        });
        r.AddActivityFunc<DuplicateCheckRequest, DuplicateCheckResult>(ActivityNames.CheckDuplicate, (_, check) =>
        {
            DuplicateRequest = check;
            return Record(ActivityNames.CheckDuplicate, Duplicate ?? new DuplicateCheckResult(false, null, null, "no open or recent case has the same or a near-same fingerprint"));
        });
        r.AddActivityFunc<CloseCaseRequest, bool>(ActivityNames.CloseCase, (_, _) => Record(ActivityNames.CloseCase, true));
        r.AddActivityFunc<ApprovalLinkRequest, ApprovalLink>(ActivityNames.IssueApprovalLink, (_, l) => Record(ActivityNames.IssueApprovalLink, new ApprovalLink($"http://127.0.0.1/api/approvals/{l!.InstanceId}?token=t", l.Action, l.ExpiresAt)));
        r.AddActivityFunc<TriageReportRequest, PublishedReport>(ActivityNames.PublishTriageReport, (_, report) =>
        {
            PublishedReport = report;
            PublishedReports.Add(report!);
            return Record(ActivityNames.PublishTriageReport, new PublishedReport(9, "http://gitlab/shop/checkout/-/issues/42#note_9", []));
        });
        r.AddActivityFunc<DraftMergeRequestRequest, MergeRequestResult>(ActivityNames.CreateDraftMergeRequest, (_, _) => Record(ActivityNames.CreateDraftMergeRequest, new MergeRequestResult(3, "ragnarok/hotfix-42", "http://gitlab/shop/checkout/-/merge_requests/3", true, null)));
        r.AddActivityFunc<OutcomeRequest, string>(ActivityNames.PublishOutcome, (_, o) =>
        {
            Outcome = o;
            return Record(ActivityNames.PublishOutcome, "ok");
        });
    }

    public int Count(string activity) => Calls.Count(c => c == activity);

    private T Record<T>(string name, T result)
    {
        Calls.Enqueue(name);
        return result;
    }

    private async Task GatherAsync(string source)
    {
        Calls.Enqueue(source);
        if (FailingSources.Contains(source))
        {
            throw new InvalidOperationException($"{source} answered 503 Service Unavailable");
        }

        if (AllGatherersStarted is { } all)
        {
            if (Interlocked.Increment(ref _gatherersStarted) == ParallelGatherers)
            {
                all.TrySetResult();
            }

            // Sequential gathering would leave this waiting for sources that never start.
            await all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }
}
