using System.Text;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Reporting;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Activities.Reporting;

/// <summary>The report's judgement calls, each from evidence: severity (rules matched in the logs), owner (CODEOWNERS or the policy), repro steps.</summary>
internal static class TriageFacts
{
    public static (SeverityAssessment Assessment, IReadOnlyList<FailureRule> Rules) Severity(CaseAnalysis analysis, EvidenceBundle evidence, string? service, string? environment)
    {
        var rules = evidence.Logs is { } logs
            ? FailureClassifier.BuiltIn.Classify(LogText(logs)).Rules.Select(h => h.Rule).ToList()
            : [];
        var buckets = evidence.Logs?.ErrorsPerMinute ?? [];
        var total = buckets.Sum(b => b.Total);
        var environmentPolicy = environment is null ? null : analysis.Repository.Policy.FindEnvironment(environment);
        var facts = new SeverityFacts(
            rules,
            environment,
            environmentPolicy?.Protected ?? false,
            total > 0 ? (double)buckets.Sum(b => b.Errors) / total : null,
            service is null ? 0 : 1,
            analysis.Escalation.Customer is null ? 0 : 1,
            $"{analysis.Escalation.Title}\n{analysis.Escalation.Text}",
            service,
            analysis.Repository.Policy.SeverityOverrides);
        return (SeverityAssessor.Assess(facts), rules);
    }

    /// <summary>Owners of the top hypothesis' files when it is a change, else of the service.</summary>
    public static OwnerInfo Owner(CaseAnalysis analysis, EvidenceBundle evidence, string? service)
    {
        var resolver = analysis.Repository.Owners;
        var top = analysis.Result.Top;
        var file = top is null ? null : evidence.Commits.Where(c => top.CommitShas.Contains(c.Sha)).SelectMany(c => c.Files).Select(f => f.Path).FirstOrDefault();
        if (file is not null && resolver.Find(file) is { HasOwners: true } byFile)
        {
            return new OwnerInfo(byFile.Owners, byFile.Matches.Count > 0 ? byFile.Matches[^1].Describe() : $"owners of {file}");
        }

        if (service is not null && resolver.FindForService(service) is { HasOwners: true } byService)
        {
            return new OwnerInfo(byService.Owners, byService.Matches[0].Describe());
        }

        return new OwnerInfo([], "no CODEOWNERS rule or policy service names an owner");
    }

    public static ReproPlan? Repro(ReproResult repro, ReplayResult? replay)
    {
        if (repro.Request is not { } r)
        {
            return replay is null ? null : new ReproPlan([], replay.Summary);
        }

        var steps = new List<string>
        {
            $"Send `{r.Method} {r.Path}` to staging (`$STAGING_URL`); a healthy service answers {r.ExpectedStatus}, production answered {(r.ActualStatus is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "with an error")}.",
        };
        if (repro.TestPath is not null)
        {
            steps.Add($"Run the regression test `{repro.TestPath}` ({repro.Framework}): it fails while the bug is present.");
        }

        return new ReproPlan(steps, replay?.Summary);
    }

    public static IReadOnlyList<MissingEvidence> Missing(EvidenceBundle evidence, ReproResult repro, ReplayResult? replay) =>
        evidence.Missing.Concat(new[] { repro.Missing, replay?.Missing }.OfType<MissingEvidence>()).ToList();

    private static string LogText(LogEvidence logs)
    {
        var text = new StringBuilder();
        foreach (var e in logs.TopExceptions)
        {
            text.Append(e.Type).Append(": ").AppendLine(e.Message);
        }

        foreach (var s in logs.Samples)
        {
            text.Append(s.Level).Append(' ').Append(s.ExceptionType).Append(' ').AppendLine(s.Message);
            foreach (var frame in s.StackFrames)
            {
                text.AppendLine(frame);
            }
        }

        return text.ToString();
    }
}
