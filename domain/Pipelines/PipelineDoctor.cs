using System.Globalization;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Pipelines;

/// <summary>
/// Code or environment, from the same job on the other environments' latest pipelines: failing too where the commit
/// is present points at the code; passing with the same code points at the environment, the more so when config keys
/// differ and the failing log names one of them.
/// </summary>
public static class PipelineDoctor
{
    public static DoctorVerdict Decide(string environment, string job, string? failingLog, string? failingRule,
        IReadOnlyList<DoctorComparison> comparisons, IReadOnlyList<DriftFinding> configDifferences)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(configDifferences);
        if (comparisons.FirstOrDefault(c => c.JobStatus == "failed" && c.HasCommit) is { } alsoFails)
        {
            var sameRule = failingRule is not null && alsoFails.SameRule == failingRule;
            return new(environment, job, DoctorCause.Code, sameRule ? 0.9 : 0.8,
                $"`{job}` fails on {alsoFails.Environment} too, where commit {Short(alsoFails.Sha)} contains the failing commit{(sameRule ? $", with the same failure ({failingRule})" : "")}: the code is at fault",
                comparisons, []);
        }

        if (comparisons.FirstOrDefault(c => c.JobStatus == "success" && (c.HasCommit || c.SameCode)) is { } passes)
        {
            var keys = configDifferences.Where(d => d.Key is not null).ToList();
            if (keys.Count == 0)
            {
                return new(environment, job, DoctorCause.Environment, 0.55,
                    $"`{job}` passes on {passes.Environment} with the same code ({Short(passes.Sha)}), and no config key differs: look at {environment}'s variables and services",
                    comparisons, configDifferences);
            }

            var named = keys.Where(k => Mentions(failingLog, k)).Select(k => k.Key!).ToList();
            var listed = string.Join(", ", keys.Select(k => $"`{k.Path}` {k.Key} ({k.BaseValue ?? "unset"} → {k.Value ?? "unset"})"));
            return new(environment, job, DoctorCause.Environment, named.Count > 0 ? 0.9 : 0.75,
                $"`{job}` passes on {passes.Environment} with the same code ({Short(passes.Sha)}); these config keys differ: {listed}"
                + (named.Count > 0 ? $"; the failing log names {string.Join(", ", named)}" : ""),
                comparisons, configDifferences);
        }

        var why = comparisons.Count == 0
            ? "no other environment to compare with"
            : string.Join("; ", comparisons.Select(c => c.Problem ?? $"{c.Environment}: `{job}` {c.JobStatus ?? "not run"} on a commit that {(c.HasCommit ? "has" : "lacks")} the failing one"));
        return new(environment, job, DoctorCause.Undetermined, 0.3, $"code or environment cannot be told apart: {why}", comparisons, configDifferences);
    }

    private static bool Mentions(string? log, DriftFinding finding) =>
        log is not null && finding.Key is { } key
        && (log.Contains(key, StringComparison.OrdinalIgnoreCase)
            || (finding.Value is { Length: > 2 } value && log.Contains(value, StringComparison.Ordinal)));

    private static string Short(string? sha) => sha is { Length: > 8 } ? sha[..8] : sha ?? "?";

    /// <summary>A confidence as people read it: 0.85 → 85%.</summary>
    public static string Percent(double confidence) => (confidence * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
