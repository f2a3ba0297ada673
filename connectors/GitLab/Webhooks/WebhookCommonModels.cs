namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>The user who triggered a hook. Hook users carry fewer fields than REST users (no id on assignees).</summary>
public sealed record WebhookUser
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? AvatarUrl { get; init; }

    public string? Email { get; init; }
}

public sealed record WebhookProject
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? WebUrl { get; init; }

    public required string PathWithNamespace { get; init; }

    public string? Namespace { get; init; }

    public string? DefaultBranch { get; init; }

    public string? GitHttpUrl { get; init; }
}

public sealed record WebhookLabel
{
    public long? Id { get; init; }

    public required string Title { get; init; }

    public string? Color { get; init; }

    public string? Description { get; init; }

    public string? Type { get; init; }
}

/// <summary>A before/after pair from a hook's "changes" object.</summary>
public sealed record WebhookChange<T>
{
    public T? Previous { get; init; }

    public T? Current { get; init; }
}

/// <summary>The "changes" fields RagnarokOps reacts to; others are ignored.</summary>
public sealed record WebhookChanges
{
    public WebhookChange<IReadOnlyList<WebhookLabel>>? Labels { get; init; }

    public WebhookChange<bool?>? Draft { get; init; }

    /// <summary>Label titles present now and not before (an issue "labelled as critical" shows up here).</summary>
    public IReadOnlyList<string> AddedLabels()
    {
        var previous = (Labels?.Previous ?? []).Select(l => l.Title).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. (Labels?.Current ?? []).Select(l => l.Title).Where(t => !previous.Contains(t))];
    }
}

public sealed record WebhookCommitAuthor(string? Name, string? Email);

/// <summary>The commit pipeline and merge request hooks embed.</summary>
public sealed record WebhookCommit
{
    public required string Id { get; init; }

    public string? Message { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? Url { get; init; }

    public WebhookCommitAuthor? Author { get; init; }
}

/// <summary>The short merge request object note and pipeline hooks embed.</summary>
public sealed record WebhookMergeRequestRef
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public string? Title { get; init; }

    public string? SourceBranch { get; init; }

    public string? TargetBranch { get; init; }

    public string? State { get; init; }
}
