using System.Globalization;

namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// Whether a new escalation is one already being handled: the same fingerprint, or a near-same one (same project,
/// service and environment, and at least <see cref="NearSame"/> of their error signatures shared), while the other
/// case is open or closed within <see cref="Recent"/>. Pure: the caller brings the remembered cases and the time.
/// </summary>
public static class DuplicateFinder
{
    /// <summary>How long after it closes a case still absorbs a new escalation of the same problem.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    /// <summary>The share of signatures (Jaccard) from which two escalations of one service count as the same problem.</summary>
    public const double NearSame = 0.6;

    public static DuplicateMatch? Find(CaseRecord current, IEnumerable<CaseRecord> known, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(known);
        return known
            .Where(k => k.InstanceId != current.InstanceId && k.ProjectId == current.ProjectId && k.OpenedAt <= current.OpenedAt)
            .Where(k => k.ClosedAt is not { } closed || now - closed <= Recent)
            .Select(k => Compare(current, k, now))
            .OfType<DuplicateMatch>()
            .OrderByDescending(m => m.Similarity)
            .ThenBy(m => m.Original.OpenedAt)
            .FirstOrDefault();
    }

    /// <summary>The match with <paramref name="original"/>, or null when they are different problems.</summary>
    public static DuplicateMatch? Compare(CaseRecord current, CaseRecord original, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(original);
        var state = original.ClosedAt is { } closed
            ? $"closed {Ago(now - closed)} ago"
            : "still open";
        if (string.Equals(current.Fingerprint, original.Fingerprint, StringComparison.Ordinal))
        {
            return new DuplicateMatch(original, 1, $"the same fingerprint `{current.Fingerprint}` as {original.IssueReference} (case {state})");
        }

        if (current.Service is null || !string.Equals(current.Service, original.Service, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(current.Environment, original.Environment, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var mine = current.Signatures.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var theirs = original.Signatures.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (mine.Count == 0 || theirs.Count == 0)
        {
            return null;
        }

        var shared = mine.Intersect(theirs, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var similarity = (double)shared.Count / mine.Union(theirs, StringComparer.OrdinalIgnoreCase).Count();
        return similarity < NearSame
            ? null
            : new DuplicateMatch(original, similarity,
                $"a near-same fingerprint as {original.IssueReference} (case {state}): service {current.Service} in {current.Environment ?? "an unnamed environment"}, "
                + $"{shared.Count} of {mine.Union(theirs, StringComparer.OrdinalIgnoreCase).Count()} error signatures shared ({string.Join(", ", shared)})");
    }

    private static string Ago(TimeSpan span) => span.TotalHours < 1
        ? $"{Math.Max(1, (int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min"
        : span.TotalDays < 2
            ? $"{(int)span.TotalHours} h"
            : $"{(int)span.TotalDays} days";
}
