using RagnarokOps.Domain.Policy;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Domain.Environments;

/// <summary>
/// Splits what an environment branch changed on its own into expected and unexpected drift: whole files by path
/// glob, config files key by key (an expected key leaves the rest of the file under watch). Values of secret-looking
/// keys never leave here unredacted.
/// </summary>
public static class DriftAnalyzer
{
    public static LinkDrift Analyze(EnvironmentBranch from, EnvironmentBranch to, string? mergeBase, IReadOnlyList<ChangedFile> files, DriftRules rules)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(rules);
        var unexpected = new List<DriftFinding>();
        var expected = new List<DriftFinding>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var hunk = SecretRedactor.Redact(file.Hunk);
            var wholeFile = rules.Expected.FirstOrDefault(e => e.Keys.Count == 0 && Matches(e.Path, file.Path));
            if (wholeFile is not null)
            {
                expected.Add(new DriftFinding(file.Path, null, file.Change, null, null, hunk, file.IntroducedBy, Why(wholeFile)));
                continue;
            }

            var keyed = rules.Expected.Where(e => e.Keys.Count > 0 && Matches(e.Path, file.Path)).ToList();
            if (!ConfigKeys.IsConfigFile(file.Path) || file.BaseContent is null || file.Content is null)
            {
                unexpected.Add(new DriftFinding(file.Path, null, file.Change, null, null, hunk, file.IntroducedBy));
                continue;
            }

            var before = ConfigKeys.Flatten(file.Path, file.BaseContent, out _);
            var after = ConfigKeys.Flatten(file.Path, file.Content, out var problem);
            if (before is null || after is null)
            {
                unexpected.Add(new DriftFinding(file.Path, null, file.Change, null, null, hunk, file.IntroducedBy, problem));
                continue;
            }

            // A file whose keys all agree (formatting, comments) has not drifted.
            foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
            {
                var had = before.TryGetValue(key, out var old);
                var has = after.TryGetValue(key, out var now);
                if (had && has && old == now)
                {
                    continue;
                }

                var change = !had ? "key-added" : !has ? "key-removed" : "key-changed";
                var secret = SecretRedactor.IsSecretName(key.Split('.')[^1]);
                var finding = new DriftFinding(
                    file.Path, key, change, Show(old, secret), Show(now, secret), hunk, file.IntroducedBy);
                var rule = keyed.FirstOrDefault(e => e.Keys.Any(k => KeyPattern.IsMatch(k, key)));
                if (rule is null)
                {
                    unexpected.Add(finding);
                }
                else
                {
                    expected.Add(finding with { Reason = Why(rule) });
                }
            }
        }

        return new LinkDrift(from.Name, to.Name, from.Branch, to.Branch, mergeBase, unexpected, expected);
    }

    private static bool Matches(string glob, string path) => Glob.Parse(glob).IsMatch(path);

    private static string Why(ExpectedDifference rule) =>
        rule.Reason ?? (rule.Keys.Count == 0 ? $"path {rule.Path} is expected to differ" : $"keys {string.Join(", ", rule.Keys)} of {rule.Path} are expected to differ")
        + (rule.Line > 0 ? $" (line {rule.Line})" : "");

    private static string? Show(string? value, bool secret) => value is null ? null : secret ? SecretRedactor.Placeholder : SecretRedactor.Redact(value);
}
