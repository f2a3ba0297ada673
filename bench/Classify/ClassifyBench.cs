using System.Diagnostics;
using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Bench.Classify;

/// <summary>
/// <c>bench classify [--file F] [--mb N]</c>: the classifier's throughput and managed memory on a large CI-like log,
/// beside <c>grep -E -c</c> with the union of the same rule patterns on the same file, at two file sizes.
/// </summary>
internal sealed class ClassifyBench : IBenchmark
{
    public string Name => "classify";

    public string Description => "Failure classifier throughput and memory vs grep -E -c with the union of the rule patterns";

    public async Task<int> RunAsync(string[] args)
    {
        var file = Arg(args, "--file");
        var mb = int.Parse(Arg(args, "--mb") ?? "128", CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), $"ragnarok-bench-classify-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var classifier = FailureClassifier.BuiltIn;
            var patternsFile = Path.Combine(work, "patterns.ere");
            WritePatterns(classifier.Rules, patternsFile, Console.Out);

            var files = new List<string>();
            if (file is not null)
            {
                files.Add(file);
            }
            else
            {
                foreach (var size in new[] { Math.Max(1, mb / 4), mb })
                {
                    var path = Path.Combine(work, $"ci-{size}mb.log");
                    CiLogGenerator.Write(path, size * 1_000_000L);
                    files.Add(path);
                }
            }

            // Warm up: enough calls for tiered JIT to reach its optimised code, so the first measured run is not penalised.
            var warmup = Path.Combine(work, "warmup.log");
            CiLogGenerator.Write(warmup, 1_000_000);
            for (var i = 0; i < 40; i++)
            {
                using var reader = new StreamReader(warmup);
                classifier.Classify(reader, new ClassificationOptions());
                MeasureReadOnly(warmup);
            }

            foreach (var path in files)
            {
                await MeasureAsync(classifier, path, patternsFile);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task MeasureAsync(FailureClassifier classifier, string path, string patternsFile)
    {
        var megabytes = new FileInfo(path).Length / 1_000_000.0;
        // The machine is shared: take the best of three runs of each, interleaved, so a burst of load on one run
        // does not decide the comparison. Memory is sampled on the first run.
        var (ours, result, peakHeap, allocated) = MeasureOurs(classifier, path, sampleMemory: true);
        var (grep, grepCount) = await MeasureGrepAsync(path, patternsFile);
        var readOnly = MeasureReadOnly(path);
        for (var run = 1; run < Runs; run++)
        {
            ours = Min(ours, MeasureOurs(classifier, path, sampleMemory: false).Elapsed);
            grep = Min(grep, (await MeasureGrepAsync(path, patternsFile)).Elapsed);
            readOnly = Min(readOnly, MeasureReadOnly(path));
        }

        new BenchTable($"classify {Path.GetFileName(path)} ({megabytes:0.#} MB, {result.Lines} lines; best of {Runs} runs each)")
            .Add("throughput (ours vs grep -E -c)", megabytes / ours.TotalSeconds, "MB/s", megabytes / grep.TotalSeconds, "≥ 1.00x")
            .Add("elapsed (ours vs grep)", ours.TotalMilliseconds, "ms", grep.TotalMilliseconds)
            .Add("  of which reading + splitting lines", readOnly.TotalMilliseconds, "ms")
            .Add("matching lines (ours vs grep)", result.MatchedLines, "lines", grepCount)
            .Add("peak managed heap during run", peakHeap / 1_048_576.0, "MiB", null, "flat in file size")
            .Add("allocated during run", allocated / 1_048_576.0, "MiB")
            .Add("rules matched", result.Rules.Count, "rules")
            .Print(Console.Out);
        Console.Out.WriteLine();
    }

    private const int Runs = 3;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static (TimeSpan Elapsed, ClassificationResult Result, long PeakHeap, long Allocated) MeasureOurs(FailureClassifier classifier, string path, bool sampleMemory)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(false);
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        if (sampleMemory)
        {
            sampler.Start();
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        ClassificationResult result;
        using (var reader = new StreamReader(path, Encoding.UTF8, false, new FileStreamOptions { BufferSize = 1 << 16 }))
        {
            result = classifier.Classify(reader, new ClassificationOptions());
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        stop.Cancel();
        if (sampleMemory)
        {
            sampler.Join();
        }

        return (watch.Elapsed, result, peak, allocated);
    }

    /// <summary>Decoding and line splitting alone: the floor under any TextReader-based classifier.</summary>
    private static TimeSpan MeasureReadOnly(string path)
    {
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(path, Encoding.UTF8, false, new FileStreamOptions { BufferSize = 1 << 16 });
        var scanner = new LineScanner(reader);
        while (scanner.TryReadLine(out _))
        {
        }

        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, long Count)> MeasureGrepAsync(string path, string patternsFile)
    {
        var start = new ProcessStartInfo("grep", ["-E", "-c", "-f", patternsFile, path]) { RedirectStandardOutput = true };
        start.Environment["LC_ALL"] = "C"; // grep's fastest mode: bytes, no multibyte decoding
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        return (watch.Elapsed, long.TryParse(output.Trim(), CultureInfo.InvariantCulture, out var count) ? count : -1);
    }

    private static void WritePatterns(IReadOnlyList<FailureRule> rules, string file, TextWriter output)
    {
        var translated = new List<string>();
        var skipped = new List<string>();
        foreach (var rule in rules)
        {
            foreach (var pattern in rule.Patterns)
            {
                var (ere, reason) = EreTranslator.Translate(pattern);
                if (ere is null)
                {
                    skipped.Add($"  {rule.Id}: {pattern}  ({reason})");
                }
                else
                {
                    translated.Add(ere);
                }
            }
        }

        File.WriteAllLines(file, translated);
        output.WriteLine($"grep baseline: {translated.Count} patterns translated to ERE (grep -E -c -f, LC_ALL=C), {skipped.Count} not translatable{(skipped.Count > 0 ? ":" : ".")}");
        foreach (var s in skipped)
        {
            output.WriteLine(s);
        }

        output.WriteLine();
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
