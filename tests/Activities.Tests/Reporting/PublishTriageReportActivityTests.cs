using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Domain.Reporting;

namespace RagnarokOps.Activities.Tests.Reporting;

[Collection(SandboxCollection.Name)]
public sealed class PublishTriageReportActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_Twice_PostsOneNoteUpdatedInPlaceWithLabelsAndArtifacts()
    {
        var caseFile = await sandbox.CaseFileAsync();
        var diagnosis = await sandbox.DiagnosisAsync();
        var link = new ApprovalLink($"http://127.0.0.1:7071/api/approvals/{sandbox.Case.InstanceId}?token=abc.def", $"revert:{sandbox.Truth.CulpritSha}", DateTimeOffset.UtcNow.AddHours(24));
        var replay = new ReplayResult(false, false, "dry-run: would send POST http://127.0.0.1:5080/api/checkout expecting 200", null);
        var request = new TriageReportRequest(caseFile, await sandbox.EvidenceAsync(), diagnosis, await sandbox.ReproAsync(), replay, link, "Confidence meets the gate.");

        var first = await sandbox.RunAsync<PublishTriageReportActivity, TriageReportRequest, PublishedReport>(request);
        var second = await sandbox.RunAsync<PublishTriageReportActivity, TriageReportRequest, PublishedReport>(request with { PolicyDecision = "Re-run: confidence meets the gate." });

        Assert.Equal(first.NoteId, second.NoteId);
        var notes = new List<string>();
        await foreach (var note in sandbox.GitLab.ListIssueNotesAsync(sandbox.Case.ProjectId, sandbox.Case.IssueIid, CancellationToken.None))
        {
            if (TriageReportRenderer.FindCaseId(note.Body) == sandbox.Case.InstanceId)
            {
                notes.Add(note.Body);
            }
        }

        var body = Assert.Single(notes);
        Assert.Contains("Re-run: confidence meets the gate.", body, StringComparison.Ordinal);
        Assert.Contains(sandbox.Truth.CulpritSha![..8], body, StringComparison.Ordinal);
        Assert.Contains(link.Url, body, StringComparison.Ordinal);
        Assert.Contains("@alice", body, StringComparison.Ordinal);
        Assert.EndsWith($"#note_{first.NoteId}", first.NoteUrl, StringComparison.Ordinal);

        var issue = await sandbox.GitLab.GetIssueAsync(sandbox.Case.ProjectId, sandbox.Case.IssueIid, CancellationToken.None);
        Assert.Contains(issue.Labels, l => l.StartsWith("severity::P", StringComparison.Ordinal));
        Assert.Contains(issue.Labels, l => l.StartsWith("category::", StringComparison.Ordinal));

        var store = sandbox.Services.GetRequiredService<IArtifactStore>();
        var bundle = await store.GetAsync(sandbox.Case.InstanceId, PublishTriageReportActivity.BundleArtifact, CancellationToken.None);
        Assert.NotNull(bundle);
        var json = Encoding.UTF8.GetString(bundle.Content.Span);
        Assert.Contains(sandbox.Truth.CulpritSha, json, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc.def", json, StringComparison.Ordinal);
        Assert.Equal([PublishTriageReportActivity.BundleArtifact, PublishTriageReportActivity.ReportArtifact], second.Artifacts);
    }
}
