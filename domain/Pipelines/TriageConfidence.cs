using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Pipelines;

/// <summary>How sure a job's classification is: a specific rule over a generic one, a baseline that ruled out green-run noise.</summary>
public static class TriageConfidence
{
    /// <summary>Rules that only say "the job failed", not why.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "ci-job-failed", "build-failed", "ci-runner-failure" };

    public static double Of(ClassificationResult result, bool hadBaseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Chunk is not { } chunk)
        {
            return 0.2;
        }

        var confidence = Generic.Contains(chunk.RuleId) ? 0.45 : 0.75;
        if (hadBaseline)
        {
            confidence += 0.1;
        }

        if (result.Rules.Count > 1)
        {
            confidence += 0.05;
        }

        return Math.Round(Math.Min(confidence, 0.95), 2);
    }
}
