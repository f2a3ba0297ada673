using System.Globalization;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>Features read from where and when a change happened: time, service, environment, pipelines, gaps.</summary>
internal static class ContextFeatures
{
    /// <summary>Proximity halves roughly every half hour (e^-t/45min).</summary>
    public const double ProximityScaleMinutes = 45;

    public static Contribution TimeToOnset(Candidate candidate, DateTimeOffset? reference, string referenceSource, double weight)
    {
        if (reference is not { } r)
        {
            return new Contribution("time to onset", 0, "no onset and no time in the escalation; time is not weighed.");
        }

        var minutes = Math.Max(0, (r - candidate.LiveAt).TotalMinutes);
        var value = Math.Round(weight * Math.Exp(-minutes / ProximityScaleMinutes), 2);
        var via = candidate.LiveVia is null ? "" : $" with {candidate.LiveVia}";
        return new Contribution("time to onset", value,
            string.Create(CultureInfo.InvariantCulture, $"went live{via} at {candidate.LiveAt:HH:mm} UTC, {Duration(minutes)} before the {referenceSource} ({r:HH:mm} UTC)."));
    }

    public static Contribution? ServiceMatch(Candidate candidate, KnownService? service, IReadOnlyList<KnownService> services)
    {
        if (service is null)
        {
            return null;
        }

        if (candidate.Flag is { } flag)
        {
            return Words(service, $"{flag.Name} {flag.Description}", "flag");
        }

        if (candidate.Drift is { } drift)
        {
            return PathMatch.OwnedBy(drift.Path, service.Paths)
                ? new Contribution("service match", 1.0, $"`{drift.Path}` is in {service.Name}'s paths.")
                : Words(service, $"{drift.Key} {drift.Path}", "config key");
        }

        var files = candidate.Files.Select(f => f.Path).Distinct().ToList();
        if (files.Count == 0)
        {
            return null;
        }

        var owned = files.Where(f => PathMatch.OwnedBy(f, service.Paths)).ToList();
        if (owned.Count > 0)
        {
            return new Contribution("service match", 1.0, $"touches {service.Name}'s paths: {List(owned)}.");
        }

        var others = services.Where(s => s.Name != service.Name && files.Any(f => PathMatch.OwnedBy(f, s.Paths))).Select(s => s.Name).ToList();
        return others.Count > 0
            ? new Contribution("service match", -1.5, $"touches only {string.Join(", ", others)}'s paths, not {service.Name}'s.")
            : new Contribution("service match", 0, $"touches shared paths ({List(files)}), none owned by {service.Name}.");
    }

    public static Contribution? Environment(Candidate candidate, string? wanted, IReadOnlyList<DeploymentEvidence> deployments)
    {
        if (wanted is not null && candidate.Deployment is null && candidate.Commits.Count == 1)
        {
            return CommitEnvironment(candidate, wanted, deployments);
        }

        var actual = candidate.Deployment?.Environment ?? candidate.Flag?.Environment ?? candidate.Drift?.Environment;
        if (wanted is null || actual is null)
        {
            return null;
        }

        return CandidateBuilder.SameEnvironment(actual, wanted)
            ? new Contribution("environment", 0.3, $"in {actual}, where the errors are.")
            : new Contribution("environment", -2.0, $"in {actual}; the escalation is about {wanted}.");
    }

    // A commit is live where a deployment carried it; one that only reached another environment cannot
    // cause errors here, however well its content matches.
    private static Contribution? CommitEnvironment(Candidate candidate, string wanted, IReadOnlyList<DeploymentEvidence> deployments)
    {
        var sha = candidate.Reference;
        var carriers = deployments.Where(d => d.Sha == sha || d.CommitShas.Contains(sha)).ToList();
        if (candidate.LiveVia is not null)
        {
            return new Contribution("environment", 0.3, $"went live in {wanted} with {candidate.LiveVia}.");
        }

        return carriers.Count > 0
            ? new Contribution("environment", -2.0, $"deployed only to {string.Join(", ", carriers.Select(d => d.Environment).Distinct())}; the escalation is about {wanted}.")
            : null;
    }

    public static Contribution? Pipelines(Candidate candidate, IReadOnlyList<PipelineEvidence> pipelines)
    {
        var shas = candidate.Commits.Select(c => c.Sha).Append(candidate.Deployment?.Sha).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var reasons = new List<string>();
        var value = 0.0;
        foreach (var pipeline in pipelines.Where(p => shas.Contains(p.Sha)))
        {
            var failed = pipeline.Jobs.Where(j => j.Status == "failed").ToList();
            if (failed.Count > 0 || pipeline.Status == "failed")
            {
                value += 0.5;
                var names = failed.Count > 0 ? string.Join(", ", failed.Select(j => $"`{j.Name}`")) : "a job";
                reasons.Add($"pipeline #{pipeline.Id} for {Short(pipeline.Sha)} failed ({names})");
            }
        }

        if (candidate.Deployment is { Status: "failed" or "running" } d)
        {
            value += 0.3;
            reasons.Add($"deployment #{d.Id} is {d.Status}, so the environment may be half-updated");
        }

        return value == 0 ? null : new Contribution("pipeline signals", Math.Min(value, 1.0), string.Join("; ", reasons) + ".");
    }

    public static Contribution? Breadth(Candidate candidate)
    {
        if (candidate.Deployment is null || candidate.Commits.Count == 0)
        {
            return null;
        }

        var n = candidate.Commits.Count;
        return n == 1
            ? new Contribution("breadth", -0.2, "rolling back the deployment undoes more than reverting its one commit.")
            : new Contribution("breadth", Math.Round(-Math.Min(1.0, 0.25 * (n - 1)), 2), $"carries {n} commits; a single one of them may explain as much.");
    }

    public static IEnumerable<Contribution> Missing(IReadOnlyList<MissingEvidence> missing, Candidate candidate)
    {
        foreach (var gap in missing)
        {
            var value = gap.Source switch
            {
                "logs" => -0.8,
                "commits" => candidate.Flag is null && candidate.Drift is null ? -0.6 : -0.2,
                "deployments" => -0.4,
                "flags" => -0.3,
                _ => -0.2,
            };
            yield return new Contribution($"missing: {gap.Source}", value, $"no {gap.Source}: {gap.Reason}");
        }
    }

    private static Contribution Words(KnownService service, string text, string what)
    {
        var words = service.Keywords.Append(service.Name).Where(w => TextMatch.ContainsWord(text, w)).ToList();
        return words.Count > 0
            ? new Contribution("service match", 0.6, $"{what} names {string.Join(", ", words.Select(w => $"`{w}`"))}.")
            : new Contribution("service match", 0, $"{what} does not name {service.Name}.");
    }

    private static string List(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(3).Select(p => $"`{p}`")) + (paths.Count > 3 ? $" and {paths.Count - 3} more" : "");

    private static string Short(string sha) => Timeline.TimelineBuilder.Short(sha);

    private static string Duration(double minutes) => minutes < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{minutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:0.#} h");
}
