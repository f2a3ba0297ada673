namespace RagnarokOps.Activities;

/// <summary>
/// The names activities are registered and called by. A name is part of every in-flight instance's
/// history: renaming one breaks instances that are running, so add new names instead.
/// </summary>
public static partial class ActivityNames
{
    public const string LoadPolicy = nameof(LoadPolicy);
    public const string NormalizeEscalation = nameof(NormalizeEscalation);
    public const string GatherLogs = nameof(GatherLogs);
    public const string GatherDeployments = nameof(GatherDeployments);
    public const string GatherPipelines = nameof(GatherPipelines);
    public const string GatherFlagChanges = nameof(GatherFlagChanges);
    public const string GatherCommits = nameof(GatherCommits);
    public const string GatherConfigDrift = nameof(GatherConfigDrift);
    public const string ScoreHypotheses = nameof(ScoreHypotheses);
    public const string BuildReproPlan = nameof(BuildReproPlan);
    public const string ReplayInStaging = nameof(ReplayInStaging);
    public const string IssueApprovalLink = nameof(IssueApprovalLink);
    public const string PublishTriageReport = nameof(PublishTriageReport);
    public const string CreateDraftMergeRequest = nameof(CreateDraftMergeRequest);
    public const string PublishOutcome = nameof(PublishOutcome);
    public const string CheckDuplicate = nameof(CheckDuplicate);
    public const string CloseCase = nameof(CloseCase);
    public const string LoadTopology = nameof(LoadTopology);
    public const string ReadEnvironmentBranch = nameof(ReadEnvironmentBranch);
    public const string CompareEnvironments = nameof(CompareEnvironments);
    public const string ReadLinkDrift = nameof(ReadLinkDrift);
    public const string PublishDriftIssue = nameof(PublishDriftIssue);
    public const string OpenPromotion = nameof(OpenPromotion);
    public const string AnswerEnvsync = nameof(AnswerEnvsync);
}
