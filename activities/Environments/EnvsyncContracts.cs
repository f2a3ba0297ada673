namespace RagnarokOps.Activities.Environments;

/// <summary>
/// A <c>/envsync &lt;verb&gt; [arguments]</c> note on an issue or a merge request, as the webhook read it: where to
/// answer (the thread, found again by the command note's id) and who asked.
/// </summary>
/// <param name="IssueIid">The iid of the issue, or of the merge request when <paramref name="OnMergeRequest"/>.</param>
/// <param name="OnMergeRequest">The note is on a merge request: the answer goes there.</param>
public sealed record EnvsyncCommand(long ProjectId, string Project, long IssueIid, long NoteId, string Verb, string Arguments, string By, bool OnMergeRequest = false)
{
    /// <summary>One answer per command note: the instance id, and the marker of its answer note.</summary>
    public string InstanceId => $"envsync-{ProjectId}-note-{NoteId}";

    public string AnswerMarker => $"<!-- ragnarok:envsync-answer note={NoteId} -->";
}

/// <summary>The answer note to post (or update in place) for a command.</summary>
public sealed record EnvsyncAnswerRequest(EnvsyncCommand Command, string Body);

/// <summary>What a command did: the answer's summary line and the note it was posted as.</summary>
public sealed record EnvsyncOutcome(string Verb, bool Acted, string Summary, long? AnswerNoteId);

/// <summary>
/// The custom status of a <c>/envsync rollback|cherry-pick</c> instance while it waits for an ApprovalDecision:
/// the action it waits for, what it would do, and who the policy lets approve (read by <c>/envsync approve</c>).
/// </summary>
public sealed record EnvsyncAwaiting(string Action, string Detail, RagnarokOps.Activities.Cases.CaseApprovers Approvers);
