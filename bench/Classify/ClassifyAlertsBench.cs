using System.Globalization;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Bench.Classify;

/// <summary>
/// <c>bench classify-alerts [--data DIR] [--verbose]</c>: the classifier's alert lines on the labelled real system and
/// service logs of bench/data/system-logs (manifest.tsv): alert-line recall (labelled lines reported), precision
/// (reported lines that are labelled, healthy logs included), logs with an alert found, and the no-alert rate on healthy
/// logs, per split (dev, held-out), beside the keyword baseline <c>grep -n -i -E 'error|fail|fatal|panic'</c> (every
/// matching line) measured in the same run.
/// </summary>
internal sealed partial class ClassifyAlertsBench : IBenchmark
{
    public string Name => "classify-alerts";

    public string Description => "System/service alert lines on labelled real logs: recall, precision, healthy no-alert vs a grep baseline";

    public Task<int> RunAsync(string[] args)
    {
        var data = LabelledSet.DataFolder(args, "system-logs");
        var entries = SystemLogManifest.Read(Path.Combine(data, "manifest.tsv"));
        var verbose = args.Contains("--verbose");
        var classifier = FailureClassifier.BuiltIn;
        var scores = new Dictionary<(string Split, string Who), Score>();
        foreach (var entry in entries)
        {
            var text = File.ReadAllText(Path.Combine(data, entry.File));
            var ours = classifier.Classify(text).Alerts.Select(a => a.Line).ToHashSet();
            var grep = KeywordLines(text);
            LabelledSet.Add(scores, entry.Split, "ragnarok", s => s.Add(entry, ours));
            LabelledSet.Add(scores, entry.Split, "grep", s => s.Add(entry, grep));
            if (verbose)
            {
                var missed = entry.Labels.Where(l => !ours.Contains(l)).ToList();
                var extra = ours.Where(l => !entry.Labels.Contains(l)).Order().ToList();
                if (missed.Count > 0 || extra.Count > 0)
                {
                    Console.Out.WriteLine($"{entry.Split} {entry.Kind} {entry.Id}: missed [{string.Join(',', missed)}] extra [{string.Join(',', extra)}]");
                }
            }
        }

        Console.Out.WriteLine($"classify-alerts: {entries.Count(e => e.Labels.Count > 0)} logs with alerts ({entries.Sum(e => e.Labels.Count)} labelled lines) + {entries.Count(e => e.Labels.Count == 0)} healthy real system/service logs ({data})");
        foreach (var split in LabelledSet.Splits)
        {
            var ours = scores.GetValueOrDefault((split, "ragnarok")) ?? new Score();
            var grep = scores.GetValueOrDefault((split, "grep")) ?? new Score();
            new BenchTable($"{split}: {ours.AlertLogs} alert logs ({ours.Labelled} lines), {ours.Healthy} healthy (ours vs grep -i -E 'error|fail|fatal|panic' every line)")
                .Add("alert-line recall", ours.Recall, "", grep.Recall)
                .Add("alert-line precision", ours.Precision, "", grep.Precision)
                .Add("alert logs with an alert found", ours.LogsFound, "", grep.LogsFound)
                .Add("no-alert rate on healthy logs", ours.QuietRate, "", grep.QuietRate, "≥ 0.90")
                .Add("lines reported", ours.Reported, "lines", grep.Reported)
                .Print(Console.Out);
            Console.Out.WriteLine();
        }

        return Task.FromResult(0);
    }

    /// <summary>grep -n -i -E 'error|fail|fatal|panic': every '\n'-line that matches, in StreamReader's numbering.</summary>
    internal static HashSet<long> KeywordLines(string text) =>
        LabelledSet.KeywordLines(text, Keyword()).Select(l => l.Start).ToHashSet();

    [GeneratedRegex("error|fail|fatal|panic", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    private sealed class Score
    {
        private int _hitLines;
        private int _rightReports;
        private int _found;
        private int _quiet;

        public int AlertLogs { get; private set; }

        public int Healthy { get; private set; }

        public int Labelled { get; private set; }

        public int Reported { get; private set; }

        public double Recall => Labelled == 0 ? 0 : (double)_hitLines / Labelled;

        public double Precision => Reported == 0 ? 0 : (double)_rightReports / Reported;

        public double LogsFound => AlertLogs == 0 ? 0 : (double)_found / AlertLogs;

        public double QuietRate => Healthy == 0 ? 0 : (double)_quiet / Healthy;

        public void Add(SystemLogEntry entry, HashSet<long> reported)
        {
            Reported += reported.Count;
            var right = reported.Count(entry.Labels.Contains);
            _rightReports += right;
            if (entry.Labels.Count == 0)
            {
                Healthy++;
                _quiet += reported.Count == 0 ? 1 : 0;
                return;
            }

            AlertLogs++;
            Labelled += entry.Labels.Count;
            _hitLines += right;
            _found += right > 0 ? 1 : 0;
        }
    }
}

/// <summary>One labelled log of bench/data/system-logs/manifest.tsv; <see cref="Labels"/> is empty for a healthy log.</summary>
internal sealed record SystemLogEntry(string Id, string File, string Split, string Kind, IReadOnlySet<long> Labels);

internal static class SystemLogManifest
{
    public static IReadOnlyList<SystemLogEntry> Read(string path)
    {
        var entries = new List<SystemLogEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split('\t');
            if (f.Length < 11)
            {
                throw new FormatException($"{path} line {i + 1}: expected 11 tab-separated fields, found {f.Length}");
            }

            var labels = f[6] == "-" ? [] : f[6].Split(',').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToHashSet();
            if ((f[3] == "alert") != (labels.Count > 0))
            {
                throw new FormatException($"{path} line {i + 1}: kind '{f[3]}' but alert_lines '{f[6]}'");
            }

            entries.Add(new SystemLogEntry(f[0], f[1], f[2], f[3], labels));
        }

        return entries;
    }
}
