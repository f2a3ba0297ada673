using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;

namespace RagnarokOps.Activities.Tests.Diagnosis;

[Collection(SandboxCollection.Name)]
public sealed class ScoreHypothesesActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_CheckoutEvidence_TopIsTheCulpritRevertAtPolicyConfidence()
    {
        var policy = await sandbox.RunAsync<LoadPolicyActivity, CaseRef, CasePolicy>(sandbox.Case);

        var diagnosis = await sandbox.DiagnosisAsync();

        var top = diagnosis.Top;
        Assert.NotNull(top);
        Assert.Equal("commit", top.Kind);
        Assert.Equal(sandbox.Truth.CulpritSha, top.Subject);
        Assert.True(top.Confidence >= policy.DraftMergeRequest.MinConfidence, $"confidence {top.Confidence} < {policy.DraftMergeRequest.MinConfidence}");
        Assert.Equal("revert", top.Action?.Kind);
        Assert.Equal(sandbox.Truth.CulpritSha, top.Action?.Target);
        Assert.NotNull(diagnosis.Onset);
        Assert.InRange(diagnosis.Onset.Value, sandbox.Truth.OnsetAt!.Value.AddMinutes(-2), sandbox.Truth.OnsetAt.Value.AddMinutes(2));
        Assert.Contains(diagnosis.Ranked, h => h.Kind == "flag" && h.Subject == sandbox.Truth.FlagName);
    }
}
