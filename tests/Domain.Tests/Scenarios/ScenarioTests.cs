using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Tests.Scenarios;

/// <summary>Each scenario: the right change on top, for the right reasons.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public void Rank_DeployWhoseCommitsSplitTheSignal_BlamesTheDeployment()
    {
        var run = ScenarioCatalog.DeployCarriesSplitSignals().Run();

        Assert.Equal(HypothesisKind.Deployment, run.Top.Kind);
        Assert.Equal(ActionKind.RollbackDeployment, run.Top.Action.Kind);
        Assert.Equal(2.0, run.Contribution(run.Top, "stack paths").Value);
        Assert.Contains("gateway read timeout", run.Contribution(run.Top, "error tokens").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_FlagFlip_ProposesDisablingTheFlag()
    {
        var run = ScenarioCatalog.FlagFlip().Run();

        Assert.Equal(HypothesisKind.Flag, run.Top.Kind);
        Assert.Equal(new ProposedAction(ActionKind.DisableFlag, "new-pricing-engine", "disable flag `new-pricing-engine` in production"), run.Top.Action);
        Assert.Contains("without a deploy", run.Contribution(run.Top, "change risk").Reason, StringComparison.Ordinal);
        Assert.Equal("Acme Corp", run.Escalation.Customer);
    }

    [Fact]
    public void Rank_ConfigFileChange_IsAConfigHypothesisMatchedByKey()
    {
        var run = ScenarioCatalog.ConfigFileChange().Run();

        Assert.Equal(HypothesisKind.Config, run.Top.Kind);
        Assert.Contains("provider_timeout_ms", run.Contribution(run.Top, "error tokens").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_DependencyBump_MatchesThePackageToTheStack()
    {
        var run = ScenarioCatalog.DependencyBump().Run();

        Assert.Equal(HypothesisKind.Dependency, run.Top.Kind);
        Assert.Equal(DependencyFeature.Weight, run.Contribution(run.Top, "dependency match").Value);
        Assert.Contains("Stripe.net", run.Contribution(run.Top, "dependency match").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_NoCulpritInWindow_LowConfidenceAndSaysSo()
    {
        var run = ScenarioCatalog.NoCulpritInWindow().Run();

        Assert.All(run.Result.Hypotheses, h => Assert.True(h.Confidence < 0.5, $"{h.Reference}: {h.Confidence}"));
        Assert.StartsWith("no change in the window explains the errors well", run.Result.Verdict, StringComparison.Ordinal);
        Assert.Equal(-1.5, run.Contribution(run.Result.Hypotheses.Single(h => h.Reference == "a1a1"), "service match").Value);
    }

    [Fact]
    public void Rank_TwoServices_TheEscalatedServicesChangeWins()
    {
        var run = ScenarioCatalog.TwoServices().Run();
        var billing = run.Result.Hypotheses.Single(h => h.Reference == "b1b1");

        Assert.Equal("b2b2", run.Top.Reference);
        Assert.Contains("billing", run.Contribution(billing, "service match").Reason, StringComparison.Ordinal);
        Assert.True(run.Contribution(billing, "time to onset").Value > run.Contribution(run.Top, "time to onset").Value);
    }

    [Fact]
    public void Rank_SparseLogs_StillFindsTheOnsetAndTheCause()
    {
        var run = ScenarioCatalog.SparseLogs().Run();

        Assert.True(run.Onset.Found, run.Onset.Explanation);
        Assert.Equal(ScenarioBuilder.At(70), run.Onset.At);
        Assert.Equal("c9c9", run.Top.Reference);
        Assert.Contains("err_cart_locked", run.Contribution(run.Top, "error tokens").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_CulpritTouchesNoNamedFile_FoundThroughDiffContent()
    {
        var run = ScenarioCatalog.DiffContentOnly().Run();

        Assert.Equal("d2d2", run.Top.Reference);
        Assert.Equal(0, run.Contribution(run.Top, "stack paths").Value);
        Assert.Contains("\"Coupon code has expired\"", run.Contribution(run.Top, "error tokens").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_MergeCarriesCulprit_BlamesTheCarriedCommitNotTheMerge()
    {
        var run = ScenarioCatalog.MergeCarriesCulprit().Run();

        Assert.Equal("e2e2", run.Top.Reference);
        Assert.DoesNotContain(run.Result.Hypotheses, h => h.Reference == "e3e3");
        Assert.Contains(run.Result.Notes, n => n.Contains("merge commit e3e3", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_FormattingOnlyCommitNearOnset_IsNotBlamed()
    {
        var run = ScenarioCatalog.FormattingOnlyNearOnset().Run();
        var formatting = run.Result.Hypotheses.Single(h => h.Reference == "f3f3");

        Assert.Equal("f2f2", run.Top.Reference);
        Assert.Equal(-4.0, run.Contribution(formatting, "formatting only").Value);
        Assert.DoesNotContain(formatting.Contributions, c => c.Name == "error tokens" && c.Value > 0);
    }

    [Fact]
    public void Rank_MissingLogs_NamesThePenaltyAndLowersConfidence()
    {
        var run = ScenarioCatalog.MissingLogs().Run();
        var penalty = run.Contribution(run.Top, "missing: logs");

        Assert.Equal("a7a7", run.Top.Reference);
        Assert.Contains("403 Forbidden", penalty.Reason, StringComparison.Ordinal);
        Assert.True(penalty.Value < 0);
        Assert.Contains("time the escalation gives", run.Contribution(run.Top, "time to onset").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_DeployToStaging_DoesNotCountForProduction()
    {
        var run = ScenarioCatalog.StagingDeployNotBlamed().Run();
        var staging = run.Result.Hypotheses.Single(h => h.Reference == "b6b6");

        Assert.Equal("b5b5", run.Top.Reference);
        Assert.Equal(-2.0, run.Contribution(staging, "environment").Value);
        Assert.Contains("deployment #21", run.Contribution(run.Top, "time to onset").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_ConfigDriftOutsideGit_ProposesRestoringTheValue()
    {
        var run = ScenarioCatalog.ConfigDriftOutsideGit().Run();

        Assert.Equal(HypothesisKind.Config, run.Top.Kind);
        Assert.Equal(ActionKind.RestoreConfig, run.Top.Action.Kind);
        Assert.Contains("to 100", run.Top.Action.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_ChangeAfterOnset_IsNotACandidate()
    {
        var run = ScenarioCatalog.ChangeAfterOnsetExcluded().Run();

        Assert.Equal("a3a3", run.Top.Reference);
        Assert.DoesNotContain(run.Result.Hypotheses, h => h.Reference == "a4a4");
        Assert.Contains(run.Result.Notes, n => n.Contains("a4a4", StringComparison.Ordinal) && n.Contains("after the onset", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_DeployWithCommitsMissing_BlamesTheDeploymentAndNamesTheGap()
    {
        var run = ScenarioCatalog.DeployWithCommitsMissing().Run();

        Assert.Equal(HypothesisKind.Deployment, run.Top.Kind);
        Assert.True(run.Top.Confidence < DiagnosisResult.Likely);
        Assert.Contains("compare", run.Contribution(run.Top, "missing: commits").Reason, StringComparison.Ordinal);
        Assert.Contains("Missing evidence: commits", run.Result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_DeployAfterFailedTestJob_CountsThePipelineSignal()
    {
        var run = ScenarioCatalog.DeployWithFailedPipeline().Run();

        Assert.Equal("j1j1", run.Top.Reference);
        Assert.Contains("`test:rounding`", run.Contribution(run.Top, "pipeline signals").Reason, StringComparison.Ordinal);
    }
}
