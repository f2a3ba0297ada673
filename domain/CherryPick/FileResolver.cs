using RagnarokOps.Domain.Policy;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.CherryPick;

/// <summary>
/// Decides how one file of a cherry-pick lands: base is the file in the picked commit's parent, source the file in the
/// commit, target the file on the target branch (null where absent). Conflicts in a path a rule covers are resolved
/// by the rule (tier 1); other conflicts get a proposal with a confidence (tier 2 at or above the threshold), else
/// they go to a person (tier 3).
/// </summary>
public static class FileResolver
{
    public static FileResolution Resolve(string path, string? @base, string? target, string? source, IReadOnlyList<ConflictRule> rules, double threshold)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rules);
        var rule = rules.FirstOrDefault(r => Glob.Parse(r.Path).IsMatch(path));
        if (source is null)
        {
            // The commit deletes the file: fine when the target still has base's content, else the target changed it.
            return target is null || target == @base
                ? new FileResolution(path, CherryPickTier.Clean, null, target is not null, 1, "deleted by the commit", [])
                : Manual(path, "the commit deletes the file but the target changed it", [Whole(@base ?? "", target, "")]);
        }

        if (target is null && @base is not null)
        {
            return rule is { Strategy: ConflictStrategy.TakeSource }
                ? new FileResolution(path, CherryPickTier.Rule, source, false, 1, "absent on the target; rule take_source", [], rule.Strategy)
                : Manual(path, "the commit changes a file the target does not have", [Whole(@base, "", source)]);
        }

        var merge = LineMerge.Merge(@base ?? "", target ?? "", source);
        if (merge.Clean)
        {
            return new FileResolution(path, CherryPickTier.Clean, LineMerge.Join(merge.Chunks.SelectMany(c => c.Merged)), false, 1, "applies cleanly", []);
        }

        if (rule is not null)
        {
            return ByRule(path, rule, merge, target ?? "", source);
        }

        var hunks = new List<ConflictHunk>();
        var lines = new List<string>();
        foreach (var chunk in merge.Chunks)
        {
            if (!chunk.Conflict)
            {
                lines.AddRange(chunk.Merged);
                continue;
            }

            var (proposal, confidence, reason) = Propose(chunk);
            hunks.Add(new ConflictHunk(chunk.BaseStart + 1, chunk.OursStart + 1, chunk.Base, chunk.Ours, chunk.Theirs, confidence, reason));
            lines.AddRange(proposal ?? []);
        }

        var least = hunks.Min(h => h.Confidence);
        var why = string.Join("; ", hunks.Select(h => h.Reason).Distinct(StringComparer.Ordinal));
        return least >= threshold && hunks.All(h => h.Confidence > 0)
            ? new FileResolution(path, CherryPickTier.Proposed, LineMerge.Join(lines), false, least, why, hunks)
            : Manual(path, $"{why} (confidence {least:0.00} below {threshold:0.00})", hunks, least);
    }

    private static FileResolution ByRule(string path, ConflictRule rule, MergeResult merge, string target, string source)
    {
        switch (rule.Strategy)
        {
            case ConflictStrategy.TakeSource:
                return new FileResolution(path, CherryPickTier.Rule, source, false, 1, $"rule {rule.Path}: take_source", [], rule.Strategy);
            case ConflictStrategy.Union:
                var lines = merge.Chunks.SelectMany(c => c.Conflict ? c.Ours.Concat(c.Theirs.Where(l => !c.Ours.Contains(l))) : c.Merged);
                return new FileResolution(path, CherryPickTier.Rule, LineMerge.Join(lines), false, 1, $"rule {rule.Path}: union of both sides", [], rule.Strategy);
            case ConflictStrategy.Regenerate:
                return new FileResolution(path, CherryPickTier.Rule, target, false, 1, $"rule {rule.Path}: regenerate — the target's version is kept; regenerate it in the merge request's pipeline", [], rule.Strategy);
            default:
                return new FileResolution(path, CherryPickTier.Rule, target, false, 1, $"rule {rule.Path}: take_target", [], rule.Strategy);
        }
    }

    /// <summary>A proposal for one conflicting region, how sure it is, and why.</summary>
    internal static (IReadOnlyList<string>? Lines, double Confidence, string Reason) Propose(MergeChunk chunk)
    {
        if (Normalise(chunk.Ours).SequenceEqual(Normalise(chunk.Theirs), StringComparer.Ordinal))
        {
            return (chunk.Theirs, 0.95, "the sides differ in whitespace only");
        }

        if (IsSubsequence(chunk.Ours, chunk.Theirs))
        {
            return (chunk.Theirs, 0.85, "the commit's lines contain the target's");
        }

        if (IsSubsequence(chunk.Theirs, chunk.Ours))
        {
            return (chunk.Ours, 0.85, "the target's lines already contain the commit's");
        }

        if (chunk.Base.Count == 0)
        {
            return ([.. chunk.Ours, .. chunk.Theirs], 0.6, "both sides add lines at the same place");
        }

        return (null, 0, "both sides change the same lines differently");
    }

    private static FileResolution Manual(string path, string reason, IReadOnlyList<ConflictHunk> hunks, double confidence = 0) =>
        new(path, CherryPickTier.Manual, null, false, confidence, reason, hunks);

    private static ConflictHunk Whole(string @base, string target, string source) =>
        new(1, 1, LineMerge.Lines(@base), LineMerge.Lines(target), LineMerge.Lines(source), 0, "whole file");

    private static IEnumerable<string> Normalise(IEnumerable<string> lines) =>
        lines.Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0);

    private static bool IsSubsequence(IReadOnlyList<string> small, IReadOnlyList<string> large)
    {
        var j = 0;
        foreach (var line in large)
        {
            if (j < small.Count && string.Equals(small[j], line, StringComparison.Ordinal))
            {
                j++;
            }
        }

        return j == small.Count;
    }
}
