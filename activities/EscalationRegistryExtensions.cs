using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Duplicates;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.Activities;

public static class EscalationRegistryExtensions
{
    /// <summary>
    /// Registers every escalation activity under its <see cref="ActivityNames"/> name, created from DI per call. The
    /// orchestrator lives a room above (orchestrations/), so the host adds it: <c>registry.AddOrchestrator&lt;EscalationOrchestration&gt;()</c>.
    /// </summary>
    public static DurableTaskRegistry AddEscalationActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddActivity(ActivityNames.LoadPolicy, typeof(LoadPolicyActivity))
            .AddActivity(ActivityNames.NormalizeEscalation, typeof(NormalizeEscalationActivity))
            .AddActivity(ActivityNames.GatherLogs, typeof(GatherLogsActivity))
            .AddActivity(ActivityNames.GatherDeployments, typeof(GatherDeploymentsActivity))
            .AddActivity(ActivityNames.GatherPipelines, typeof(GatherPipelinesActivity))
            .AddActivity(ActivityNames.GatherFlagChanges, typeof(GatherFlagChangesActivity))
            .AddActivity(ActivityNames.GatherCommits, typeof(GatherCommitsActivity))
            .AddActivity(ActivityNames.ScoreHypotheses, typeof(ScoreHypothesesActivity))
            .AddActivity(ActivityNames.BuildReproPlan, typeof(BuildReproPlanActivity))
            .AddActivity(ActivityNames.ReplayInStaging, typeof(ReplayInStagingActivity))
            .AddActivity(ActivityNames.IssueApprovalLink, typeof(IssueApprovalLinkActivity))
            .AddActivity(ActivityNames.PublishTriageReport, typeof(PublishTriageReportActivity))
            .AddActivity(ActivityNames.CreateDraftMergeRequest, typeof(CreateDraftMergeRequestActivity))
            .AddActivity(ActivityNames.PublishOutcome, typeof(PublishOutcomeActivity))
            .AddActivity(ActivityNames.CheckDuplicate, typeof(CheckDuplicateActivity))
            .AddActivity(ActivityNames.CloseCase, typeof(CloseCaseActivity));
    }
}
