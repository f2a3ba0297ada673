using System.Globalization;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;

namespace RagnarokOps.Domain.Timeline;

/// <summary>Merges every piece of evidence into one list ordered by time (ties keep cause before effect).</summary>
public static class TimelineBuilder
{
    public static IReadOnlyList<TimelineEntry> Build(
        Escalation escalation, EvidenceBundle evidence, OnsetResult onset, IReadOnlyList<ConfigDriftEvidence>? drift = null)
    {
        var entries = new List<TimelineEntry>();
        foreach (var commit in evidence.Commits)
        {
            var merge = commit.IsMerge ? " (merge)" : "";
            entries.Add(new(commit.CommittedAt, TimelineEntryKind.Commit, $"{Short(commit.Sha)} {commit.Title}{merge} — {commit.AuthorName}", commit.Sha, commit.WebUrl));
        }

        foreach (var pipeline in evidence.Pipelines)
        {
            var failed = pipeline.Jobs.Where(j => j.Status == "failed").Select(j => j.Name).ToList();
            var jobs = failed.Count > 0 ? $", failed: {string.Join(", ", failed)}" : "";
            entries.Add(new(pipeline.FinishedAt ?? pipeline.CreatedAt, TimelineEntryKind.Pipeline,
                $"pipeline #{pipeline.Id} {pipeline.Status} on {pipeline.Ref} ({Short(pipeline.Sha)}){jobs}", Id(pipeline.Id), pipeline.WebUrl));
        }

        foreach (var deployment in evidence.Deployments)
        {
            entries.Add(new(deployment.FinishedAt ?? deployment.CreatedAt, TimelineEntryKind.Deployment,
                $"deployment #{deployment.Id} of {Short(deployment.Sha)} to {deployment.Environment}: {deployment.Status} ({deployment.CommitShas.Count} commit(s))",
                deployment.Sha, deployment.WebUrl));
        }

        foreach (var flag in evidence.FlagChanges)
        {
            var env = flag.Environment is null ? "" : $" in {flag.Environment}";
            var actor = flag.Actor is null ? "" : $" by {flag.Actor}";
            entries.Add(new(flag.ChangedAt, TimelineEntryKind.FlagChange, $"flag `{flag.Name}` turned {(flag.Active ? "on" : "off")}{env}{actor}", flag.Name, null));
        }

        foreach (var change in drift ?? [])
        {
            entries.Add(new(change.DetectedAt, TimelineEntryKind.ConfigDrift,
                $"config `{change.Key}` in {change.Path} ({change.Environment}): {change.OldValue ?? "unset"} → {change.NewValue ?? "unset"}", change.Key, change.WebUrl));
        }

        foreach (var exception in evidence.Logs?.TopExceptions ?? [])
        {
            entries.Add(new(exception.First, TimelineEntryKind.FirstError,
                $"first `{exception.Type}`: {exception.Message} ({exception.Count} in the window, last {exception.Last:HH:mm})", exception.Type, null));
        }

        if (onset.FirstError is { } first && (onset.At is null || first < onset.At))
        {
            entries.Add(new(first, TimelineEntryKind.FirstError, "first error in the window", "", null));
        }

        if (onset.At is { } at)
        {
            entries.Add(new(at, TimelineEntryKind.Onset, $"error onset: {onset.Explanation}", "", null));
        }

        entries.Add(new(escalation.CreatedAt, TimelineEntryKind.Escalation, $"escalation raised: {escalation.Title}", escalation.Reference ?? "", null));
        return entries.OrderBy(e => e.At).ThenBy(e => (int)e.Kind).ToList();
    }

    public static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
