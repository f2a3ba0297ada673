namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Feature Flag Hook; object_kind "feature_flag" (a flag toggled on or off).</summary>
public sealed record FeatureFlagHook : GitLabWebhookEvent
{
    public required FeatureFlagHookAttributes ObjectAttributes { get; init; }

    public string? UserUrl { get; init; }
}

public sealed record FeatureFlagHookAttributes
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required bool Active { get; init; }
}
