using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Duplicates;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Tests.Duplicates;

[Collection(SandboxCollection.Name)]
public sealed class CheckDuplicateActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_SecondIssueWithTheSameFingerprint_LinksBothIssuesAndStops_UnlessForced()
    {
        var first = await sandbox.CaseFileAsync();
        var issue = await sandbox.GitLab.CreateIssueAsync(sandbox.Truth.ProjectId, new GitLabNewIssue { Title = sandbox.Truth.IssueTitle, Description = sandbox.Truth.IssueDescription }, CancellationToken.None);
        var second = first with { Case = new CaseRef(first.Case.ProjectId, first.Case.ProjectPath, issue.Iid) };
        var opened = DateTimeOffset.UtcNow;

        var original = await RunAsync(new DuplicateCheckRequest(first, opened, false));
        var duplicate = await RunAsync(new DuplicateCheckRequest(second, opened.AddMinutes(5), false));
        var again = await RunAsync(new DuplicateCheckRequest(second, opened.AddMinutes(5), false));
        var forced = await RunAsync(new DuplicateCheckRequest(second, opened.AddMinutes(6), true));

        Assert.False(original.Stop);
        Assert.True(duplicate.Stop);
        Assert.Equal(first.Case.InstanceId, duplicate.OriginalInstanceId);
        Assert.Equal($"{first.Case.ProjectPath}#{first.Case.IssueIid}", duplicate.OriginalIssue);
        Assert.StartsWith($"the same fingerprint `{first.Fingerprint}`", duplicate.Reason, StringComparison.Ordinal);
        Assert.True(again.Stop);
        Assert.False(forced.Stop);
        Assert.StartsWith("forced with /ragnarok triage --force", forced.Reason, StringComparison.Ordinal);

        var here = await NotesAsync(second.Case, CheckDuplicateActivity.Marker(second.Case.InstanceId));
        var there = await NotesAsync(first.Case, CheckDuplicateActivity.OriginalMarker(first.Case.InstanceId, second.Case.InstanceId));
        Assert.Contains($"duplicates {duplicate.OriginalIssue}", Assert.Single(here), StringComparison.Ordinal);
        Assert.Contains("/ragnarok triage --force", here[0], StringComparison.Ordinal);
        Assert.Contains($"{second.Case.ProjectPath}#{second.Case.IssueIid} reports the same problem", Assert.Single(there), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseCase_MarksTheIndexEntryClosedOnce()
    {
        var caseFile = await sandbox.CaseFileAsync();
        var index = sandbox.Services.GetRequiredService<CaseIndex>();
        await RunAsync(new DuplicateCheckRequest(caseFile, DateTimeOffset.UtcNow, false));
        var closedAt = DateTimeOffset.UtcNow;

        var closed = await sandbox.RunAsync<CloseCaseActivity, CloseCaseRequest, bool>(new CloseCaseRequest(caseFile.Case, closedAt));
        await sandbox.RunAsync<CloseCaseActivity, CloseCaseRequest, bool>(new CloseCaseRequest(caseFile.Case, closedAt.AddHours(1)));

        Assert.True(closed);
        Assert.Equal(closedAt, (await index.FindAsync(caseFile.Case.InstanceId, CancellationToken.None))!.ClosedAt);
    }

    private Task<DuplicateCheckResult> RunAsync(DuplicateCheckRequest request) =>
        sandbox.RunAsync<CheckDuplicateActivity, DuplicateCheckRequest, DuplicateCheckResult>(request);

    private async Task<List<string>> NotesAsync(CaseRef caseRef, string marker)
    {
        var notes = new List<string>();
        await foreach (var note in sandbox.GitLab.ListIssueNotesAsync(caseRef.ProjectId, caseRef.IssueIid, CancellationToken.None))
        {
            if (note.Body.Contains(marker, StringComparison.Ordinal))
            {
                notes.Add(note.Body);
            }
        }

        return notes;
    }
}
