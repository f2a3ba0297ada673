using RagnarokOps.Activities.Reporting;

namespace RagnarokOps.Activities.Tests.Reporting;

[Collection(SandboxCollection.Name)]
public sealed class PublishOutcomeActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_Twice_KeepsOneOutcomeNoteWithTheLastMessageRedacted()
    {
        var first = await sandbox.RunAsync<PublishOutcomeActivity, OutcomeRequest, string>(new OutcomeRequest(sandbox.Case, "rejected", "carol rejected the proposed hotfix."));
        var second = await sandbox.RunAsync<PublishOutcomeActivity, OutcomeRequest, string>(
            new OutcomeRequest(sandbox.Case, "timed-out", "No decision before the deadline. password=hunter2"));

        Assert.Equal(first, second);
        var marker = PublishOutcomeActivity.Marker(sandbox.Case.InstanceId);
        var bodies = new List<string>();
        await foreach (var note in sandbox.GitLab.ListIssueNotesAsync(sandbox.Case.ProjectId, sandbox.Case.IssueIid, CancellationToken.None))
        {
            if (note.Body.Contains(marker, StringComparison.Ordinal))
            {
                bodies.Add(note.Body);
            }
        }

        var body = Assert.Single(bodies);
        Assert.Contains("timed-out", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }
}
