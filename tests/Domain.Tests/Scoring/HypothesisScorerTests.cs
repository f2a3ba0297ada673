using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;
using RagnarokOps.Domain.Scoring;
using RagnarokOps.Domain.Tests.Scenarios;
using static RagnarokOps.Domain.Tests.Scenarios.ScenarioBuilder;

namespace RagnarokOps.Domain.Tests.Scoring;

public sealed class HypothesisScorerTests
{
    private static readonly Escalation Escalation = EscalationNormalizer.Normalize(
        new EscalationInput("Checkout fails", "Since 14:05 UTC: OrderException \"no stock\"", ["env::production"], [], At(80)), [Checkout, Billing]);

    private static DiagnosisResult Rank(IReadOnlyList<CommitEvidence> commits, IReadOnlyList<DeploymentEvidence>? deployments = null) =>
        HypothesisScorer.Rank(DiagnosisInput.Create(Escalation,
            new EvidenceBundle(new TimeWindow(Start, At(120)), null, deployments ?? [], commits, [], [], []),
            OnsetResult.None("no logs"), [Checkout, Billing]));

    private static CommitEvidence Commit(string sha, int minute, params ChangedFile[] files) =>
        new(sha, sha + " title", sha + " title", "Dev", null, At(minute), ["p"], files);

    [Fact]
    public void Rank_NoCandidates_SaysTheCauseIsOutsideTheEvidence()
    {
        var result = Rank([]);

        Assert.Empty(result.Hypotheses);
        Assert.Null(result.Top);
        Assert.StartsWith("no change went live in the window", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_SingleCandidate_ConfidenceIsTheLogisticAgainstNone()
    {
        var result = Rank([Commit("aa", 60, File("src/Checkout/Stock.cs", [], ["throw new OrderException(\"no stock\");"]))]);

        var top = Assert.Single(result.Hypotheses);
        var expected = Math.Exp(top.Score) / (Math.Exp(HypothesisScorer.NoneScore) + Math.Exp(top.Score));
        Assert.Equal(Math.Round(expected, 3), top.Confidence);
        Assert.Equal(Math.Round(top.Contributions.Sum(c => c.Value), 2), top.Score);
        Assert.Equal("time the escalation gives", result.ReferenceSource);
    }

    [Fact]
    public void Rank_DeploymentAndItsOnlyCommit_DoNotCompete()
    {
        var commit = Commit("aa", 50, File("src/Checkout/Stock.cs", [], ["throw new OrderException(\"no stock\");"]));
        var deployment = new DeploymentEvidence(4, "production", "aa", "main", "success", At(58), At(60), null, ["aa"]);

        var result = Rank([commit], [deployment]);

        Assert.Equal(2, result.Hypotheses.Count);
        var c = result.Hypotheses.Single(h => h.Kind == HypothesisKind.Commit);
        Assert.Equal(Math.Round(Math.Exp(c.Score) / (Math.Exp(HypothesisScorer.NoneScore) + Math.Exp(c.Score)), 3), c.Confidence);
        Assert.Equal("aa", result.Top!.Reference);
        Assert.Equal(ActionKind.RevertCommit, result.Top.Action.Kind);
    }

    [Fact]
    public void Rank_TwoEqualCommits_SplitTheConfidence()
    {
        var file = File("src/Checkout/Stock.cs", [], ["throw new OrderException(\"no stock\");"]);

        var result = Rank([Commit("aa", 60, file), Commit("bb", 60, file)]);

        Assert.Equal(result.Hypotheses[0].Confidence, result.Hypotheses[1].Confidence);
        Assert.True(result.Hypotheses[0].Confidence < 0.5);
    }

    [Fact]
    public void Rank_MissingSources_EachIsANamedPenalty()
    {
        var bundle = new EvidenceBundle(new TimeWindow(Start, At(120)), null, [], [Commit("aa", 60, File("src/Checkout/A.cs", ["a"], ["b"]))], [], [],
            [new MissingEvidence("logs", "403"), new MissingEvidence("deployments", "timeout after 30 s")]);

        var top = HypothesisScorer.Rank(DiagnosisInput.Create(Escalation, bundle, OnsetResult.None("no logs"), [Checkout])).Top!;

        Assert.Contains(top.Contributions, c => c.Name == "missing: logs" && c.Reason == "no logs: 403" && c.Value < 0);
        Assert.Contains(top.Contributions, c => c.Name == "missing: deployments" && c.Reason.Contains("timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_DocsOnlyCommit_IsPenalised()
    {
        var top = Rank([Commit("aa", 60, File("docs/stock.md", ["a"], ["no stock"]))]).Top!;

        Assert.Contains(top.Contributions, c => c.Name == "docs/tests only" && c.Value < 0);
    }

    [Fact]
    public void Rank_CommitThatAddedTheMessage_BeatsTheOneThatRemovedIt()
    {
        var added = Commit("add", 40, File("src/Checkout/Stock.cs", [], ["throw new OrderException(\"no stock\");"]));
        var removed = Commit("rem", 41, File("src/Checkout/Stock.cs", ["throw new OrderException(\"no stock\");"], ["return;"]));

        var result = Rank([added, removed]);

        Assert.Equal("add", result.Top!.Reference);
        Assert.True(result.Hypotheses[0].Contributions.Single(c => c.Name == "error tokens").Value
                    > result.Hypotheses[1].Contributions.Single(c => c.Name == "error tokens").Value);
    }
}
