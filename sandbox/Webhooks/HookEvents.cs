namespace RagnarokOps.Sandbox.Webhooks;

/// <summary>An event kind: the hook flag that subscribes to it and the <c>X-Gitlab-Event</c> it is sent with.</summary>
internal sealed record HookEvent(string Flag, string Header, string Trigger);

internal static class HookEvents
{
    public static readonly HookEvent Issues = new("issues_events", "Issue Hook", "issue_hooks");
    public static readonly HookEvent Notes = new("note_events", "Note Hook", "note_hooks");
    public static readonly HookEvent MergeRequests = new("merge_requests_events", "Merge Request Hook", "merge_request_hooks");
    public static readonly HookEvent Pipelines = new("pipeline_events", "Pipeline Hook", "pipeline_hooks");
    public static readonly HookEvent Jobs = new("job_events", "Job Hook", "job_hooks");
    public static readonly HookEvent Deployments = new("deployment_events", "Deployment Hook", "deployment_hooks");
    public static readonly HookEvent FeatureFlags = new("feature_flag_events", "Feature Flag Hook", "feature_flag_hooks");
    public static readonly HookEvent WikiPages = new("wiki_page_events", "Wiki Page Hook", "wiki_page_hooks");

    public static readonly IReadOnlyList<HookEvent> All = [Issues, Notes, MergeRequests, Pipelines, Jobs, Deployments, FeatureFlags, WikiPages];
}
