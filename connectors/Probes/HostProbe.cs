using System.Diagnostics;
using System.Globalization;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>
/// This host's CPU (/proc/stat) and memory (/proc/meminfo, MemAvailable) use. A target fails only when every one-second
/// sample over <see cref="ProbeThresholds.SustainedSeconds"/> is above its limit, so a short spike is not a failure.
/// </summary>
internal sealed class HostProbe(TimeProvider time, string procRoot = "/proc")
{
    public Task<ProbeResult> CpuAsync(ProbeTarget target, CancellationToken cancellationToken) =>
        SampleAsync(target, "cpu", CpuSamplerAsync, cancellationToken);

    public Task<ProbeResult> MemoryAsync(ProbeTarget target, CancellationToken cancellationToken) =>
        SampleAsync(target, "memory", (_, _) => Task.FromResult(MemoryPercent()), cancellationToken);

    private async Task<ProbeResult> SampleAsync(ProbeTarget target, string what, Func<TimeSpan, CancellationToken, Task<double>> sample, CancellationToken cancellationToken)
    {
        var limits = target.Limits;
        var observedAt = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var samples = new List<double>();
        try
        {
            for (var i = 0; i < limits.SustainedSeconds; i++)
            {
                var value = await sample(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                samples.Add(value);
                if (value <= limits.MaxPercent)
                {
                    break; // one sample under the limit: not sustained
                }

                if (what == "memory" && i + 1 < limits.SustainedSeconds)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return new ProbeResult(target.Name, false, watch.ElapsedMilliseconds, $"{what}: cannot read {procRoot}: {ex.Message}", observedAt);
        }

        var latest = samples[^1];
        var sustained = samples.Count == limits.SustainedSeconds && samples.All(s => s > limits.MaxPercent);
        var text = string.Create(CultureInfo.InvariantCulture, $"{what} {latest:0.0}%");
        return sustained
            ? new ProbeResult(target.Name, false, watch.ElapsedMilliseconds,
                string.Create(CultureInfo.InvariantCulture, $"{text} above {limits.MaxPercent:0.##}% for {limits.SustainedSeconds} s (samples {string.Join(", ", samples.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))})"), observedAt)
            : new ProbeResult(target.Name, true, watch.ElapsedMilliseconds, string.Create(CultureInfo.InvariantCulture, $"{text} (limit {limits.MaxPercent:0.##}%)"), observedAt);
    }

    private async Task<double> CpuSamplerAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var (idle1, total1) = CpuTimes();
        await Task.Delay(window, time, cancellationToken).ConfigureAwait(false);
        var (idle2, total2) = CpuTimes();
        var total = total2 - total1;
        return total <= 0 ? 0 : 100.0 * (total - (idle2 - idle1)) / total;
    }

    private (long Idle, long Total) CpuTimes()
    {
        // First line: "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (jiffies since boot).
        var line = File.ReadLines(Path.Combine(procRoot, "stat")).First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return (idle, values.Sum());
    }

    private double MemoryPercent()
    {
        long total = 0, available = -1;
        foreach (var line in File.ReadLines(Path.Combine(procRoot, "meminfo")))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = Kilobytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = Kilobytes(line);
            }
        }

        if (total <= 0 || available < 0)
        {
            throw new FormatException("meminfo has no MemTotal or MemAvailable");
        }

        return 100.0 * (total - available) / total;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
