using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Repro;
using Microsoft.DurableTask;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Activities.Reporting;

/// <summary>The case's last word on the issue: one outcome note, found by its marker and updated on a re-run. Returns the note's URL.</summary>
[DurableTask(ActivityNames.PublishOutcome)]
internal sealed class PublishOutcomeActivity(IGitLabClient gitlab, ILogger<PublishOutcomeActivity> logger) : TaskActivity<OutcomeRequest, string>
{
    public static string Marker(string caseId) => $"<!-- ragnarok:outcome case={caseId} -->";

    public override async Task<string> RunAsync(TaskActivityContext context, OutcomeRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var marker = Marker(input.Case.InstanceId);
        var body = $"{marker}\n**RagnarokOps — outcome: {input.Outcome}**\n\n{SecretRedactor.Redact(input.Message)}\n";
        var note = await IssueNotes.UpsertAsync(gitlab, input.Case, marker, body, CancellationToken.None);
        Log.OutcomePublished(logger, input.Outcome, input.Case.InstanceId);
        return await IssueNotes.UrlAsync(gitlab, input.Case, note.Id, CancellationToken.None);
    }
}
