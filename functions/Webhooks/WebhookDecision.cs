using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>What one webhook asks of us: start a case, decide a pending approval, or nothing (with the reason).</summary>
internal abstract record WebhookDecision
{
    public sealed record Start(EscalationRequest Request) : WebhookDecision;

    /// <param name="Username">The author's GitLab username, as GitLab sent it (null when the hook names none).</param>
    public sealed record Decide(CaseRef Case, bool Approved, long? UserId, string By, string? Comment, string? Username = null) : WebhookDecision;

    public sealed record Ignore(string Reason) : WebhookDecision;

    /// <summary>An <c>/envsync</c> command to run; <paramref name="UserId"/> is checked for access before it runs (<paramref name="Username"/> against approval.users for approve).</summary>
    public sealed record Envsync(EnvsyncCommand Command, long? UserId, string? Username = null) : WebhookDecision;

    /// <summary>A failed pipeline to triage (Pipeline Hook with status failed).</summary>
    public sealed record PipelineTriage(PipelineTriageRequest Request) : WebhookDecision;

    /// <summary>Pure: reads the parsed hook and the options, calls nothing.</summary>
    public static WebhookDecision From(GitLabWebhookEvent hook, WebhookOptions options, string? eventUuid) => hook switch
    {
        IssueHook issue => FromIssue(issue, options, eventUuid),
        NoteHook note => FromNote(note, eventUuid),
        PipelineHook pipeline => FromPipeline(pipeline),
        _ => new Ignore($"{hook.EventHeader} starts nothing"),
    };

    private static WebhookDecision FromIssue(IssueHook hook, WebhookOptions options, string? eventUuid)
    {
        var label = options.EscalationLabel;
        var attributes = hook.ObjectAttributes;
        var labels = hook.Labels.Concat(attributes.Labels).Select(l => l.Title);
        var triggered = attributes.Action switch
        {
            "open" or "reopen" => labels.Contains(label, StringComparer.OrdinalIgnoreCase),
            "update" => hook.Changes?.AddedLabels().Contains(label, StringComparer.OrdinalIgnoreCase) == true,
            _ => false,
        };
        return triggered
            ? new Start(new EscalationRequest(CaseOf(hook, attributes.Iid), $"issue {attributes.Action} with {label}", hook.User?.Username, eventUuid))
            : new Ignore($"issue #{attributes.Iid} {attributes.Action ?? "event"} without the {label} label being set");
    }

    private static WebhookDecision FromPipeline(PipelineHook hook)
    {
        var attributes = hook.ObjectAttributes;
        return attributes.Status == "failed"
            ? new PipelineTriage(new PipelineTriageRequest(hook.Project.Id, hook.Project.PathWithNamespace, attributes.Id, attributes.Ref, attributes.Sha, attributes.Url, hook.MergeRequest?.Iid))
            : new Ignore($"pipeline #{attributes.Id} is {attributes.Status}; only a failed pipeline is triaged");
    }

    private static WebhookDecision FromNote(NoteHook hook, string? eventUuid)
    {
        var by = hook.User?.Username ?? $"user {hook.User?.Id}";
        if (hook.Issue is not { } issue)
        {
            // On a merge request only /envsync runs (answered there); /ragnarok commands belong to an escalation's issue.
            return hook.MergeRequest is { } mr && string.Equals(hook.ObjectAttributes.NoteableType, "MergeRequest", StringComparison.Ordinal)
                ? hook.MayCarryCommand && hook.EnvsyncCommand is var (mrVerb, mrArguments)
                    ? new Envsync(new EnvsyncCommand(hook.Project.Id, hook.Project.PathWithNamespace, mr.Iid, hook.ObjectAttributes.Id, mrVerb, mrArguments, by, OnMergeRequest: true), hook.User?.Id, hook.User?.Username)
                    : new Ignore(hook.MayCarryCommand ? "the merge request note holds no /envsync command" : NoCommand(hook))
                : new Ignore($"a note on a {hook.ObjectAttributes.NoteableType}, not on an issue or a merge request");
        }

        if (!hook.MayCarryCommand)
        {
            return new Ignore(NoCommand(hook));
        }

        if (hook.Command is null && hook.EnvsyncCommand is var (verb, arguments))
        {
            return new Envsync(new EnvsyncCommand(hook.Project.Id, hook.Project.PathWithNamespace, issue.Iid, hook.ObjectAttributes.Id, verb, arguments, by), hook.User?.Id, hook.User?.Username);
        }

        return hook.Command switch
        {
            null => new Ignore("the note holds no /ragnarok command"),
            { Kind: RagnarokCommandKind.Triage } c => Triage(hook, issue.Iid, c.Arguments, eventUuid),
            { Kind: RagnarokCommandKind.Approve or RagnarokCommandKind.Reject } c => new Decide(
                CaseOf(hook, issue.Iid), c.Kind == RagnarokCommandKind.Approve, hook.User?.Id, by, c.Arguments.Length == 0 ? null : c.Arguments, hook.User?.Username),
            { } c => new Ignore($"unknown command /ragnarok {c.Verb}: use triage, approve or reject"),
        };
    }

    private static string NoCommand(NoteHook hook) => hook.ObjectAttributes.System ? "a system note runs no command" : "an edited note never runs a command";

    /// <summary><c>/ragnarok triage</c>, or <c>/ragnarok triage --force</c> to run a full case even for a duplicate.</summary>
    private static WebhookDecision Triage(NoteHook hook, long iid, string arguments, string? eventUuid)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.FirstOrDefault(w => !string.Equals(w, "--force", StringComparison.OrdinalIgnoreCase)) is { } unknown)
        {
            return new Ignore($"/ragnarok triage takes only --force, not '{unknown}'");
        }

        var force = words.Length > 0;
        return new Start(new EscalationRequest(CaseOf(hook, iid), force ? "/ragnarok triage --force" : "/ragnarok triage", hook.User?.Username, eventUuid, force));
    }

    private static CaseRef CaseOf(GitLabWebhookEvent hook, long iid) => new(hook.Project.Id, hook.Project.PathWithNamespace, iid);
}
