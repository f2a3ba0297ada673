using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>
/// Every change that went live before the reference time is a candidate. Merge commits are not: the
/// commits they carry are candidates themselves, so the merge would only take their blame.
/// </summary>
internal static class CandidateBuilder
{
    /// <summary>Log buckets are whole minutes, so a change a minute after the onset minute may still be its cause.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    public static List<Candidate> Build(DiagnosisInput input, DateTimeOffset? reference, List<string> notes)
    {
        var evidence = input.Evidence;
        var candidates = new List<Candidate>();
        var environment = input.Escalation.Environment;
        var deployments = evidence.Deployments
            .Where(d => d.Status is not ("canceled" or "created" or "skipped"))
            .OrderBy(d => d.FinishedAt ?? d.CreatedAt)
            .ToList();

        foreach (var commit in evidence.Commits)
        {
            if (commit.IsMerge)
            {
                notes.Add($"merge commit {Short(commit.Sha)} is not blamed itself: the commits it carries are ranked on their own.");
                continue;
            }

            var carrier = deployments.FirstOrDefault(d => (d.Sha == commit.Sha || d.CommitShas.Contains(commit.Sha)) && SameEnvironment(d.Environment, environment));
            var liveAt = carrier is null ? commit.CommittedAt : carrier.FinishedAt ?? carrier.CreatedAt;
            if (After(liveAt, reference))
            {
                notes.Add($"commit {Short(commit.Sha)} went live at {liveAt:HH:mm} UTC, after the onset; not a candidate.");
                continue;
            }

            candidates.Add(new Candidate(KindOf(commit), commit.Sha, commit.Title, commit.CommittedAt, liveAt,
                carrier is null ? null : $"deployment #{carrier.Id}", [commit], null, null, null, commit.WebUrl));
        }

        var bySha = evidence.Commits.Where(c => !c.IsMerge).ToDictionary(c => c.Sha, StringComparer.Ordinal);
        foreach (var deployment in deployments)
        {
            var at = deployment.FinishedAt ?? deployment.CreatedAt;
            if (After(at, reference))
            {
                notes.Add($"deployment #{deployment.Id} finished at {at:HH:mm} UTC, after the onset; not a candidate.");
                continue;
            }

            var carried = deployment.CommitShas.Append(deployment.Sha).Distinct()
                .Select(s => bySha.GetValueOrDefault(s)).OfType<CommitEvidence>().ToList();
            candidates.Add(new Candidate(HypothesisKind.Deployment, deployment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"deployment #{deployment.Id} of {Short(deployment.Sha)} to {deployment.Environment}", at, at, null, carried, deployment, null, null, deployment.WebUrl));
        }

        foreach (var flag in evidence.FlagChanges.Where(f => !After(f.ChangedAt, reference)))
        {
            candidates.Add(new Candidate(HypothesisKind.Flag, flag.Name, $"flag `{flag.Name}` turned {(flag.Active ? "on" : "off")}",
                flag.ChangedAt, flag.ChangedAt, null, [], null, flag, null, null));
        }

        foreach (var drift in input.ConfigDrift.Where(d => !After(d.DetectedAt, reference)))
        {
            candidates.Add(new Candidate(HypothesisKind.Config, drift.Key, $"config `{drift.Key}` changed in {drift.Environment}",
                drift.DetectedAt, drift.DetectedAt, null, [], null, null, drift, drift.WebUrl));
        }

        return candidates;
    }

    public static bool SameEnvironment(string deployed, string? wanted)
    {
        if (wanted is null)
        {
            return true;
        }

        return string.Equals(EscalationNormalizer.Environment([], deployed) ?? deployed, wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static HypothesisKind KindOf(CommitEvidence commit)
    {
        if (commit.Files.Count > 0 && commit.Files.All(ChangeTraits.IsDependencyChange))
        {
            return HypothesisKind.Dependency;
        }

        return commit.Files.Count > 0 && commit.Files.All(f => ChangeTraits.IsConfigFile(f.Path)) ? HypothesisKind.Config : HypothesisKind.Commit;
    }

    private static bool After(DateTimeOffset at, DateTimeOffset? reference) => reference is { } r && at > r + Tolerance;

    private static string Short(string sha) => Timeline.TimelineBuilder.Short(sha);
}
