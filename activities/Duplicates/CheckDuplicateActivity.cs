using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Redaction;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Duplicates;

/// <summary>
/// Before any evidence is gathered: is this escalation one already being handled (same or near-same fingerprint,
/// open or closed within a week)? If so, and not forced, both issues get a note linking the other and the case
/// stops. Otherwise the case is remembered for the next escalation. Notes are found by marker on a re-run.
/// </summary>
[DurableTask(ActivityNames.CheckDuplicate)]
internal sealed class CheckDuplicateActivity(CaseIndex index, IGitLabClient gitlab, TimeProvider time, ILogger<CheckDuplicateActivity> logger)
    : TaskActivity<DuplicateCheckRequest, DuplicateCheckResult>
{
    public static string Marker(string caseId) => $"<!-- ragnarok:duplicate case={caseId} -->";

    public static string OriginalMarker(string originalId, string duplicateId) => $"<!-- ragnarok:duplicate-seen case={originalId} from={duplicateId} -->";

    public override async Task<DuplicateCheckResult> RunAsync(TaskActivityContext context, DuplicateCheckRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellationToken = CancellationToken.None;
        var c = input.Case;
        var current = await index.FindAsync(c.Case.InstanceId, cancellationToken) is { ClosedAt: null } existing
            ? existing
            : new CaseRecord(c.Case.InstanceId, c.Case.ProjectId, $"{c.Case.ProjectPath}#{c.Case.IssueIid}", c.Fingerprint, c.Service, c.Environment, c.Signatures, input.OpenedAt);
        var match = DuplicateFinder.Find(current, await index.ListAsync(cancellationToken), time.GetUtcNow());
        if (match is null || input.Force)
        {
            await index.PutAsync(current, cancellationToken);
            var why = match is null ? "no open or recent case has the same or a near-same fingerprint" : $"forced with /ragnarok triage --force despite {match.Reason}";
            return new DuplicateCheckResult(false, match?.Original.InstanceId, match?.Original.IssueReference, why);
        }

        var original = match.Original;
        Log.DuplicateFound(logger, c.Case.InstanceId, original.InstanceId, match.Reason);
        var here = $"{Marker(c.Case.InstanceId)}\n**RagnarokOps: this escalation duplicates {original.IssueReference}** — {match.Reason}.\n\n"
            + $"No second case runs: the evidence, the triage note and any fix live on {original.IssueReference} (case `{original.InstanceId}`). "
            + "Comment `/ragnarok triage --force` here to run a full case for this issue anyway.\n";
        await IssueNotes.UpsertAsync(gitlab, c.Case, Marker(c.Case.InstanceId), SecretRedactor.Redact(here), cancellationToken);

        var (projectPath, iid) = Split(original.IssueReference);
        var originalRef = new CaseRef(original.ProjectId, projectPath, iid);
        var marker = OriginalMarker(original.InstanceId, c.Case.InstanceId);
        var there = $"{marker}\n**RagnarokOps:** {current.IssueReference} reports the same problem ({match.Reason.Replace($" as {original.IssueReference}", "", StringComparison.Ordinal)}). "
            + "It is linked here and runs no case of its own.\n";
        await IssueNotes.UpsertAsync(gitlab, originalRef, marker, SecretRedactor.Redact(there), cancellationToken);
        return new DuplicateCheckResult(true, original.InstanceId, original.IssueReference, match.Reason);
    }

    private static (string ProjectPath, long Iid) Split(string reference)
    {
        var hash = reference.LastIndexOf('#');
        return (reference[..hash], long.Parse(reference[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
