namespace RagnarokOps.Domain.Tests.Scenarios;

public sealed class ScenarioCalibrationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Rank_AllScenarios_TopIsTheCulpritWhereThereIsOne()
    {
        var wrong = ScenarioCatalog.All().Where(s => s.Expected is not null).Select(s => s.Run())
            .Where(r => r.Result.Top?.Reference != r.Scenario.Expected).Select(r => r.Describe()).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Rank_AllScenarios_HighConfidenceOnlyWhenRight()
    {
        var runs = ScenarioCatalog.All().Concat(ScenarioCatalog.Ambiguous()).Select(s => s.Run()).ToList();
        foreach (var run in runs)
        {
            output.WriteLine(run.Describe());
        }

        // A deployment that carries the culprit commit is right too: rolling it back removes the cause.
        var overconfident = runs.Where(r => r.Result.Hypotheses.Any(h => h.Confidence >= 0.8
                && h.Reference != r.Scenario.Expected && !h.CommitShas.Contains(r.Scenario.Expected ?? "")))
            .Select(r => r.Describe()).ToList();
        Assert.True(overconfident.Count == 0, string.Join("\n", overconfident));
        Assert.True(runs.Count(r => r.Top.Confidence >= 0.8) >= 4, "the scorer should be sure on the clear cases:\n" + string.Join("\n", runs.Select(r => r.Describe())));
    }

    [Fact]
    public void Rank_AllScenarios_ConfidencesAreProbabilities()
    {
        foreach (var run in ScenarioCatalog.All().Select(s => s.Run()))
        {
            Assert.All(run.Result.Hypotheses, h => Assert.InRange(h.Confidence, 0, 1));
            Assert.Equal(run.Result.Hypotheses.OrderByDescending(h => h.Confidence).Select(h => h.Reference), run.Result.Hypotheses.Select(h => h.Reference));
        }
    }
}
