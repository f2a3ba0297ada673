namespace RagnarokOps.Sandbox.Store;

/// <summary>Entity kinds in the store; each row's body is the GitLab JSON the API serves.</summary>
internal static class Kinds
{
    public const string Project = "project";
    public const string User = "user";
    public const string Token = "token";
    public const string Issue = "issue";
    public const string Note = "note";
    public const string Label = "label";
    public const string MergeRequest = "merge_request";
    public const string Pipeline = "pipeline";
    public const string Job = "job";
    public const string Trace = "trace";
    public const string Deployment = "deployment";
    public const string Environment = "environment";
    public const string FeatureFlag = "feature_flag";
    public const string Wiki = "wiki";
    public const string Member = "member";
    public const string Hook = "hook";
    public const string HookEvent = "hook_event";
    public const string Discussion = "discussion";
}
