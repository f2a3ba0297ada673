namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Note Hook (or Confidential Note Hook); object_kind "note".</summary>
public sealed record NoteHook : GitLabWebhookEvent
{
    public required NoteHookAttributes ObjectAttributes { get; init; }

    /// <summary>Set when the comment is on an issue.</summary>
    public NoteHookIssue? Issue { get; init; }

    /// <summary>Set when the comment is on a merge request.</summary>
    public WebhookMergeRequestRef? MergeRequest { get; init; }

    /// <summary>
    /// False for edits (action "update") and system notes: an edited comment must not run its command again,
    /// and GitLab's own notes are never commands. Callers check this before looking for a command.
    /// </summary>
    public bool MayCarryCommand =>
        !ObjectAttributes.System && !string.Equals(ObjectAttributes.Action, "update", StringComparison.OrdinalIgnoreCase);

    /// <summary>The /ragnarok command in the comment, or null (also null whenever <see cref="MayCarryCommand"/> is false).</summary>
    public RagnarokCommand? Command => MayCarryCommand ? RagnarokCommandParser.Parse(ObjectAttributes.Note) : null;

    /// <summary>The <c>/envsync &lt;verb&gt; [arguments]</c> line in the comment, or null (also when <see cref="MayCarryCommand"/> is false).</summary>
    public (string Verb, string Arguments)? EnvsyncCommand => MayCarryCommand ? SlashCommandLine.Find(ObjectAttributes.Note, "/envsync") : null;
}

public sealed record NoteHookAttributes
{
    public required long Id { get; init; }

    public required string Note { get; init; }

    /// <summary>Issue, MergeRequest, Commit, Snippet.</summary>
    public required string NoteableType { get; init; }

    public long? NoteableId { get; init; }

    public long? AuthorId { get; init; }

    public long? ProjectId { get; init; }

    public bool System { get; init; }

    /// <summary>create or update. Older GitLab versions omit it (then it is a create).</summary>
    public string? Action { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}

public sealed record NoteHookIssue
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? State { get; init; }

    public IReadOnlyList<WebhookLabel> Labels { get; init; } = [];
}
