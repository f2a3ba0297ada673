using System.Globalization;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>Features read from what a change contains: its paths, diff lines and message, against the errors.</summary>
internal static class ContentFeatures
{
    public const double StackPathFull = 2.0;
    public const double StackFileName = 1.2;
    public const int NearLines = 15;
    public const double RemovedOnly = 0.5;
    public const double TokenCap = 2.5;
    public const double PhraseWeight = 1.2;
    public const double MessageCap = 1.0;
    public const double FormattingOnly = -4.0;
    public const double DocsOrTestsOnly = -2.0;

    public static Contribution? StackPaths(Candidate candidate, ErrorProfile errors)
    {
        var stackFiles = errors.Frames.Where(f => f.File is not null).ToList();
        if (stackFiles.Count == 0 || candidate.Commits.Count == 0)
        {
            return null;
        }

        var best = (Shared: 0, Near: false, File: (ChangedFile?)null, Frame: (StackFrame?)null);
        foreach (var file in candidate.Files)
        {
            foreach (var frame in stackFiles)
            {
                var shared = PathMatch.SharedSuffix(file.Path, frame.File!);
                var close = frame.Line is { } l && Hunks.Touches(file.Diff, l, NearLines);
                if (shared > 0 && (shared > best.Shared || (shared == best.Shared && close && !best.Near)))
                {
                    best = (shared, close, file, frame);
                }
            }
        }

        if (best.Shared == 0)
        {
            return new Contribution("stack paths", 0, $"changes none of the {stackFiles.Select(f => f.File).Distinct().Count()} file(s) in the stack traces.");
        }

        var changed = best.File!.Path;
        var at = $"`{best.Frame!.File}`" + (best.Frame.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line})") : "");
        // Frames point at the running code, so a change far from the frame's line is in the file but likely not the failure.
        if (best.Frame.Line is not null && Hunks.Ranges(best.File.Diff).Count > 0 && !best.Near)
        {
            return new Contribution("stack paths", Math.Round(StackFileName * 0.75, 2),
                $"changes `{changed}`, the file at {at} in the stack trace, but not within {NearLines} lines of it ({Hunks.Describe(best.File.Diff)}).");
        }

        var near = best.Near ? $" (its change covers {Hunks.Describe(best.File.Diff)})" : "";
        return best.Shared >= 2
            ? new Contribution("stack paths", StackPathFull, $"changes `{changed}`, the file at {at} in the stack trace{near}.")
            : new Contribution("stack paths", StackFileName, $"changes `{changed}`, whose file name matches {at} in the stack trace{near}.");
    }

    /// <summary>The text a change brings that error tokens can meet; null when it brings none (formatting, no diff).</summary>
    public static string? ChangedText(Candidate candidate, bool formattingOnly)
    {
        if (candidate.Flag is { } flag)
        {
            return $"{flag.Name} {flag.Description}";
        }

        if (candidate.Drift is { } drift)
        {
            return $"{drift.Key} {drift.Path} {drift.OldValue} {drift.NewValue}";
        }

        return candidate.Commits.Count > 0 && !formattingOnly
            ? string.Join('\n', candidate.Files.SelectMany(f => ChangeTraits.ChangedLines(f.Diff)))
            : null;
    }

    /// <param name="rarity">Per error token, how rare it is among the candidates (1 = only this one); a token every change mentions says little.</param>
    public static Contribution? DiffTokens(Candidate candidate, ErrorProfile errors, string? changed, IReadOnlyDictionary<string, double> rarity)
    {
        if (changed is null)
        {
            return null;
        }

        var source = candidate.Flag is not null ? "flag name and description" : candidate.Drift is not null ? "config key and values" : "diff lines";
        // The code that raises today's error is in the current tree: what a change added says more than what it removed.
        var (added, removed) = SplitSides(changed);
        var addedTokens = Tokens.Extract(added);
        var removedTokens = Tokens.Extract(removed);
        var matched = errors.Tokens.Where(t => addedTokens.ContainsKey(t.Key) || removedTokens.ContainsKey(t.Key))
            .Select(t => (t.Key, Value: t.Value * rarity.GetValueOrDefault(t.Key, 1.0) * (addedTokens.ContainsKey(t.Key) ? 1.0 : RemovedOnly)))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var phrases = errors.Phrases.Where(p => changed.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
        var phraseValue = phrases.Sum(p => added.Contains(p, StringComparison.OrdinalIgnoreCase) ? PhraseWeight : PhraseWeight * RemovedOnly);
        var value = Math.Min(TokenCap, matched.Sum(t => t.Value) + phraseValue);
        if (value <= 0)
        {
            return new Contribution("error tokens", 0, $"no error token appears in its {source}.");
        }

        var shown = phrases.Select(p => $"\"{p}\"").Concat(matched.Select(t => $"`{t.Key}`")).Take(6);
        var common = matched.Any(t => rarity.GetValueOrDefault(t.Key, 1.0) < 0.75) ? " (tokens most changes mention count less)" : "";
        return new Contribution("error tokens", Math.Round(value, 2), $"its {source} mention {string.Join(", ", shown)} from the error text{common}.");
    }

    private static (string Added, string Removed) SplitSides(string changed)
    {
        var lines = changed.Split('\n');
        if (!lines.Any(l => l.StartsWith('+') || l.StartsWith('-')))
        {
            return (changed, "");
        }

        return (string.Join('\n', lines.Where(l => !l.StartsWith('-'))), string.Join('\n', lines.Where(l => l.StartsWith('-'))));
    }

    /// <summary>
    /// Inverse document frequency over the candidates (deployments left out: they repeat their commits):
    /// ln(1 + N/df) / ln(1 + N), so a token only one change mentions keeps its weight.
    /// </summary>
    public static Dictionary<string, double> Rarity(IEnumerable<(Candidate Candidate, string? Changed)> changes, ErrorProfile errors)
    {
        var sets = changes.Where(c => c.Candidate.Deployment is null && c.Changed is not null)
            .Select(c => Tokens.Extract(c.Changed!).Keys.Where(errors.Tokens.ContainsKey).ToHashSet(StringComparer.Ordinal))
            .ToList();
        var rarity = new Dictionary<string, double>(StringComparer.Ordinal);
        var n = sets.Count;
        if (n <= 2)
        {
            return rarity;
        }

        foreach (var token in errors.Tokens.Keys)
        {
            var df = sets.Count(s => s.Contains(token));
            if (df > 1)
            {
                rarity[token] = Math.Log(1 + (double)n / df) / Math.Log(1 + n);
            }
        }

        return rarity;
    }

    public static Contribution? MessageWords(Candidate candidate, ErrorProfile errors)
    {
        if (candidate.Commits.Count == 0)
        {
            return null;
        }

        var words = Tokens.Extract(string.Join('\n', candidate.Commits.Select(c => c.Message.Length > 0 ? c.Message : c.Title)));
        var matched = errors.Tokens.Where(t => words.ContainsKey(t.Key)).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        if (matched.Count == 0)
        {
            return null;
        }

        var value = Math.Min(MessageCap, matched.Sum(t => t.Value) * 0.5);
        return new Contribution("message words", Math.Round(value, 2), $"commit message mentions {string.Join(", ", matched.Take(5).Select(t => $"`{t.Key}`"))}.");
    }

    public static Contribution? Triviality(Candidate candidate, bool formattingOnly)
    {
        if (candidate.Commits.Count == 0 || candidate.Deployment is not null)
        {
            return null;
        }

        if (formattingOnly)
        {
            return new Contribution("formatting only", FormattingOnly, "every changed line only moves whitespace; it cannot change behaviour.");
        }

        var files = candidate.Files.ToList();
        return files.Count > 0 && files.All(f => ChangeTraits.IsDocsOrTests(f.Path))
            ? new Contribution("docs/tests only", DocsOrTestsOnly, "changes only documentation or tests, which do not run in production.")
            : null;
    }

    public static Contribution? Risk(Candidate candidate)
    {
        var reasons = new List<string>();
        var value = 0.0;
        if (candidate.Flag is { } flag)
        {
            value += 0.6;
            reasons.Add($"a flag {(flag.Active ? "turned on" : "turned off")} changes behaviour at once, without a deploy");
        }

        if (candidate.Drift is not null)
        {
            value += 0.6;
            reasons.Add("configuration changed outside git, with no review or pipeline");
        }

        var files = candidate.Files.ToList();
        if (files.Any(f => ChangeTraits.IsMigration(f.Path)))
        {
            value += 0.6;
            reasons.Add("a database migration");
        }

        if (files.Any(ChangeTraits.IsDependencyChange))
        {
            value += 0.5;
            reasons.Add("a dependency version change");
        }

        if (files.Any(f => ChangeTraits.IsConfigFile(f.Path)))
        {
            value += 0.4;
            reasons.Add("a configuration file change");
        }

        return value == 0 ? null : new Contribution("change risk", Math.Round(Math.Min(value, 1.2), 2), string.Join("; ", reasons) + ".");
    }
}
