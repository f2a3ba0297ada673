using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Duplicates;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities;

public static class EscalationRegistryExtensions
{
    /// <summary>Every escalation activity by its <see cref="ActivityNames"/> name; a host that dispatches activities itself (Azure Functions' activity triggers) creates them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.LoadPolicy] = typeof(LoadPolicyActivity),
        [ActivityNames.NormalizeEscalation] = typeof(NormalizeEscalationActivity),
        [ActivityNames.GatherLogs] = typeof(GatherLogsActivity),
        [ActivityNames.GatherDeployments] = typeof(GatherDeploymentsActivity),
        [ActivityNames.GatherPipelines] = typeof(GatherPipelinesActivity),
        [ActivityNames.GatherFlagChanges] = typeof(GatherFlagChangesActivity),
        [ActivityNames.GatherCommits] = typeof(GatherCommitsActivity),
        [ActivityNames.GatherConfigDrift] = typeof(GatherConfigDriftActivity),
        [ActivityNames.ScoreHypotheses] = typeof(ScoreHypothesesActivity),
        [ActivityNames.BuildReproPlan] = typeof(BuildReproPlanActivity),
        [ActivityNames.ReplayInStaging] = typeof(ReplayInStagingActivity),
        [ActivityNames.IssueApprovalLink] = typeof(IssueApprovalLinkActivity),
        [ActivityNames.PublishTriageReport] = typeof(PublishTriageReportActivity),
        [ActivityNames.CreateDraftMergeRequest] = typeof(CreateDraftMergeRequestActivity),
        [ActivityNames.PublishOutcome] = typeof(PublishOutcomeActivity),
        [ActivityNames.CheckDuplicate] = typeof(CheckDuplicateActivity),
        [ActivityNames.CloseCase] = typeof(CloseCaseActivity),
    };

    /// <summary>
    /// Registers every escalation activity under its <see cref="ActivityNames"/> name, created from DI per call. The
    /// orchestrator lives a room above (orchestrations/), so the host adds it: <c>registry.AddOrchestrator&lt;EscalationOrchestration&gt;()</c>.
    /// </summary>
    public static DurableTaskRegistry AddEscalationActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }
}
