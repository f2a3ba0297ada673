using System.Globalization;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>Features read from what a change contains: its paths, diff lines and message, against the errors.</summary>
internal static class ContentFeatures
{
    public const double StackPathFull = 2.0;
    public const double StackFileName = 1.2;
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

        var best = (Shared: 0, Changed: "", Frame: (StackFrame?)null);
        foreach (var file in candidate.Files)
        {
            foreach (var frame in stackFiles)
            {
                var shared = PathMatch.SharedSuffix(file.Path, frame.File!);
                if (shared > best.Shared)
                {
                    best = (shared, file.Path, frame);
                }
            }
        }

        if (best.Shared == 0)
        {
            return new Contribution("stack paths", 0, $"changes none of the {stackFiles.Select(f => f.File).Distinct().Count()} file(s) in the stack traces.");
        }

        var line = best.Frame!.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l})") : "";
        return best.Shared >= 2
            ? new Contribution("stack paths", StackPathFull, $"changes `{best.Changed}`, the file at `{best.Frame.File}`{line} in the stack trace.")
            : new Contribution("stack paths", StackFileName, $"changes `{best.Changed}`, whose file name matches `{best.Frame.File}`{line} in the stack trace.");
    }

    public static Contribution? DiffTokens(Candidate candidate, ErrorProfile errors, bool formattingOnly)
    {
        string changed;
        if (candidate.Flag is { } flag)
        {
            changed = $"{flag.Name} {flag.Description}";
        }
        else if (candidate.Drift is { } drift)
        {
            changed = $"{drift.Key} {drift.Path} {drift.OldValue} {drift.NewValue}";
        }
        else if (candidate.Commits.Count > 0 && !formattingOnly)
        {
            changed = string.Join('\n', candidate.Files.SelectMany(f => ChangeTraits.ChangedLines(f.Diff)));
        }
        else
        {
            return null;
        }

        var source = candidate.Flag is not null ? "flag name and description" : candidate.Drift is not null ? "config key and values" : "diff lines";
        var changedTokens = Tokens.Extract(changed);
        var matched = errors.Tokens.Where(t => changedTokens.ContainsKey(t.Key)).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var phrases = errors.Phrases.Where(p => changed.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
        var value = Math.Min(TokenCap, matched.Sum(t => t.Value) + phrases.Count * PhraseWeight);
        if (value <= 0)
        {
            return new Contribution("error tokens", 0, $"no error token appears in its {source}.");
        }

        var shown = phrases.Select(p => $"\"{p}\"").Concat(matched.Select(t => $"`{t.Key}`")).Take(6);
        return new Contribution("error tokens", Math.Round(value, 2), $"its {source} mention {string.Join(", ", shown)} from the error text.");
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
