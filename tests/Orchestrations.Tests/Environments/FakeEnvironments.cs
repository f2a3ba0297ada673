using System.Collections.Concurrent;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Orchestrations.Environments;

namespace RagnarokOps.Orchestrations.Tests.Environments;

/// <summary>The environment activities as fakes over a fixed dev → staging → production topology; records every call.</summary>
internal sealed class FakeEnvironments
{
    public static readonly EnvironmentTopology Topology = TopologyParser.Parse("""
        environments:
          - {name: dev, branch: dev}
          - {name: staging, branch: staging}
          - {name: production, branch: production}
        """).GetOrThrow();

    private static readonly CommitRef Head = new("1111111122222222", "Add search", "alice", null, null);

    public ConcurrentQueue<string> Calls { get; } = new();

    public string DevPipeline { get; set; } = "success";

    public IReadOnlyList<string>? TopologyErrors { get; set; }

    public DriftReport? Published { get; private set; }

    public int Count(string name) => Calls.Count(c => c.StartsWith(name, StringComparison.Ordinal));

    public void Register(DurableTaskRegistry r)
    {
        r.AddOrchestrator<EnvStatusOrchestration>();
        r.AddOrchestrator<DriftCheckOrchestration>();
        r.AddOrchestrator<PromoteOrchestration>();
        r.AddActivityFunc<ProjectRequest, TopologyLoad>(ActivityNames.LoadTopology, (_, p) =>
            Record(ActivityNames.LoadTopology, TopologyErrors is null ? new TopologyLoad("platform/inventory", Topology, []) : new TopologyLoad("platform/inventory", null, TopologyErrors)));
        r.AddActivityFunc<BranchRequest, BranchState>(ActivityNames.ReadEnvironmentBranch, (_, b) =>
            Record($"{ActivityNames.ReadEnvironmentBranch}:{b.Environment.Name}", new BranchState(b.Environment.Name, b.Environment.Branch, Head,
                new PipelineSummary(7, b.Environment.Name == "dev" ? DevPipeline : "success", Head.Sha, null, null, b.Environment.Name == "dev" && DevPipeline == "failed" ? ["test"] : []),
                new DeploymentSummary(3, Head.Sha, "success", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null), null)));
        r.AddActivityFunc<LinkRequest, ChainGap>(ActivityNames.CompareEnvironments, (_, l) =>
            Record($"{ActivityNames.CompareEnvironments}:{l.From.Name}", new ChainGap(l.From.Name, l.To.Name, 2, 1)));
        r.AddActivityFunc<LinkDriftRequest, LinkDrift>(ActivityNames.ReadLinkDrift, (_, l) =>
            Record($"{ActivityNames.ReadLinkDrift}:{l.To.Name}", new LinkDrift(l.From.Name, l.To.Name, l.From.Branch, l.To.Branch, "base",
                l.To.Name == "production" ? [new DriftFinding("config/app.yaml", "http.timeout_seconds", "key-changed", "30", "90", "@@", Head)] : [], [])));
        r.AddActivityFunc<DriftReport, DriftIssueResult>(ActivityNames.PublishDriftIssue, (_, report) =>
        {
            Published = report;
            return Record(ActivityNames.PublishDriftIssue, new DriftIssueResult(5, "http://x/issues/5", true, false));
        });
        r.AddActivityFunc<PromotionRequest, PromotionMergeRequest>(ActivityNames.OpenPromotion, (_, p) =>
            Record($"{ActivityNames.OpenPromotion}:{p.From.Name}", new PromotionMergeRequest(9, "http://x/mr/9", true, 2)));
    }

    private T Record<T>(string call, T result)
    {
        Calls.Enqueue(call);
        return result;
    }
}
