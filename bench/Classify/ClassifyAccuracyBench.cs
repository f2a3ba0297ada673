using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Bench.Classify;

/// <summary>
/// <c>bench classify-accuracy [--data DIR]</c>: the classifier on the labelled real CI logs of bench/data/ci-logs
/// (manifest.tsv): hit rate (the chunk overlaps the labelled failure lines), mean IoU of chunk and label, and the
/// no-failure rate on healthy logs, per split (dev, held-out), beside the keyword baseline
/// <c>grep -n -i -E 'error|fail'</c> (first match) measured in the same run.
/// </summary>
internal sealed partial class ClassifyAccuracyBench : IBenchmark
{
    public string Name => "classify-accuracy";

    public string Description => "Failure localisation on labelled real CI logs: hit rate, IoU, healthy no-failure vs a grep baseline";

    public Task<int> RunAsync(string[] args)
    {
        var data = LabelledSet.DataFolder(args, "ci-logs");
        var entries = CiLogManifest.Read(Path.Combine(data, "manifest.tsv"));
        var verbose = args.Contains("--verbose");
        var classifier = FailureClassifier.BuiltIn;
        var scores = new Dictionary<(string Split, string Who), Score>();
        foreach (var entry in entries)
        {
            var text = Decompress(Path.Combine(data, entry.File));
            var ours = classifier.Classify(text).Chunk is { } c ? (c.StartLine, c.EndLine) : ((long, long)?)null;
            var grep = KeywordBaseline(text);
            LabelledSet.Add(scores, entry.Split, "ragnarok", s => s.Add(entry, ours));
            LabelledSet.Add(scores, entry.Split, "grep", s => s.Add(entry, grep));
            if (verbose && entry.Failed && !Overlaps(ours, entry))
            {
                Console.Out.WriteLine($"miss {entry.Split} {entry.Ecosystem} {entry.Id} label {entry.Start}-{entry.End} got {(ours is { } o ? $"{o.Item1}-{o.Item2}" : "none")}");
            }
            else if (verbose && !entry.Failed && ours is { } h)
            {
                Console.Out.WriteLine($"false-alarm {entry.Split} {entry.Ecosystem} {entry.Id} got {h.Item1}-{h.Item2}");
            }
        }

        var ecosystems = entries.Select(e => e.Ecosystem).Distinct().Count();
        Console.Out.WriteLine($"classify-accuracy: {entries.Count(e => e.Failed)} failed + {entries.Count(e => !e.Failed)} healthy real CI logs, {ecosystems} ecosystems ({data})");
        foreach (var split in LabelledSet.Splits)
        {
            var ours = scores.GetValueOrDefault((split, "ragnarok")) ?? new Score();
            var grep = scores.GetValueOrDefault((split, "grep")) ?? new Score();
            new BenchTable($"{split}: {ours.Failed} failed, {ours.Healthy} healthy logs (ours vs grep -n -i -E 'error|fail' first match)")
                .Add("hit rate (chunk overlaps label)", ours.HitRate, "", grep.HitRate, "≥ 0.80")
                .Add("mean IoU (chunk vs label lines)", ours.MeanIou, "", grep.MeanIou)
                .Add("no-failure rate on healthy logs", ours.NoFailureRate, "", grep.NoFailureRate, "≥ 0.90")
                .Add("mean chunk length", ours.MeanLength, "lines", grep.MeanLength)
                .Print(Console.Out);
            Console.Out.WriteLine();
        }

        return Task.FromResult(0);
    }

    internal static bool Overlaps((long Start, long End)? chunk, CiLogEntry entry) =>
        chunk is { } c && c.Start <= entry.End && entry.Start <= c.End;

    /// <summary>grep -n -i -E 'error|fail' | head -1: the first '\n'-line that mentions either word, in StreamReader's numbering.</summary>
    internal static (long Start, long End)? KeywordBaseline(string text) =>
        LabelledSet.KeywordLines(text, Keyword()).Select(l => ((long, long)?)l).FirstOrDefault();

    private static string Decompress(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("error|fail", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    private sealed class Score
    {
        private double _iou;
        private long _length;
        private int _answers;

        public int Failed { get; private set; }

        public int Healthy { get; private set; }

        private int Hits { get; set; }

        private int Quiet { get; set; }

        public double HitRate => Failed == 0 ? 0 : (double)Hits / Failed;

        public double MeanIou => Failed == 0 ? 0 : _iou / Failed;

        public double NoFailureRate => Healthy == 0 ? 0 : (double)Quiet / Healthy;

        public double MeanLength => _answers == 0 ? 0 : (double)_length / _answers;

        public void Add(CiLogEntry entry, (long Start, long End)? chunk)
        {
            if (chunk is { } c)
            {
                _answers++;
                _length += c.End - c.Start + 1;
            }

            if (!entry.Failed)
            {
                Healthy++;
                Quiet += chunk is null ? 1 : 0;
                return;
            }

            Failed++;
            if (chunk is not { } got)
            {
                return;
            }

            var overlap = Math.Min(got.End, entry.End) - Math.Max(got.Start, entry.Start) + 1;
            if (overlap > 0)
            {
                Hits++;
                var union = Math.Max(got.End, entry.End) - Math.Min(got.Start, entry.Start) + 1;
                _iou += (double)overlap / union;
            }
        }
    }
}

/// <summary>One labelled log of bench/data/ci-logs/manifest.tsv.</summary>
internal sealed record CiLogEntry(string Id, string File, string Split, bool Failed, string Ecosystem, long Start, long End);

internal static class CiLogManifest
{
    public static IReadOnlyList<CiLogEntry> Read(string path)
    {
        var entries = new List<CiLogEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split('\t');
            if (f.Length < 12)
            {
                throw new FormatException($"{path} line {i + 1}: expected 12 tab-separated fields, found {f.Length}");
            }

            var failed = f[3] == "failed";
            entries.Add(new CiLogEntry(f[0], f[1], f[2], failed, f[4],
                failed ? long.Parse(f[6], CultureInfo.InvariantCulture) : 0, failed ? long.Parse(f[7], CultureInfo.InvariantCulture) : 0));
        }

        return entries;
    }
}
