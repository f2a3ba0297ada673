using RagnarokOps.Activities.Cases;

namespace RagnarokOps.Activities.Tests.Cases;

[Collection(SandboxCollection.Name)]
public sealed class NormalizeEscalationActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_CheckoutIssue_FindsServiceEnvironmentWindowAndSignatures()
    {
        var caseFile = await sandbox.CaseFileAsync();

        Assert.Equal(sandbox.Truth.IssueTitle, caseFile.Title);
        Assert.Equal(sandbox.Truth.Service, caseFile.Service);
        Assert.Equal(sandbox.Truth.Environment, caseFile.Environment);
        Assert.True(caseFile.Window.Contains(sandbox.Truth.OnsetAt!.Value), $"{caseFile.Window} should hold the onset {sandbox.Truth.OnsetAt}");
        Assert.True(caseFile.Window.Contains(sandbox.Truth.DeployedAt!.Value), "the window reaches back to the culprit's deployment");
        Assert.Contains("POST /api/checkout", caseFile.Signatures);
        Assert.Contains("HTTP 500", caseFile.Signatures);
        Assert.False(string.IsNullOrWhiteSpace(caseFile.Fingerprint));
    }

    [Fact]
    public async Task RunAsync_Twice_GivesTheSameFingerprint()
    {
        var first = await sandbox.CaseFileAsync();

        var second = await sandbox.RunAsync<NormalizeEscalationActivity, CaseRef, CaseFile>(sandbox.Case);

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.Window, second.Window);
    }
}
