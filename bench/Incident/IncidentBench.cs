using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Functions.Demo;

namespace RagnarokOps.Bench.Incident;

/// <summary>
/// Detection → issue + email + wiki: the incident demo's stage (sandbox, sample service, SMTP server, Azurite, host), N
/// outages one after the other, each opened on the second failing round and closed on recovery. The figures are the
/// failing round's time from the probe's answer to the round being done (issue filed, wiki page written, email
/// accepted by the SMTP server), beside the bare GitLab issue-create call on the same sandbox, measured in the same run.
/// Usage: <c>incident [--incidents N] [--creates N]</c>.
/// </summary>
internal sealed class IncidentBench : IBenchmark
{
    public string Name => "incident";

    public string Description => "probe failure → incident issue + wiki + email, then the RCA page's suspects, vs a bare issue-create on the sandbox";

    public async Task<int> RunAsync(string[] args)
    {
        var incidents = int.Parse(Option(args, "--incidents") ?? "10", CultureInfo.InvariantCulture);
        var creates = int.Parse(Option(args, "--creates") ?? "30", CultureInfo.InvariantCulture);
        var data = Directory.CreateTempSubdirectory("ragnarok-bench-incident-").FullName;
        try
        {
            await using var stage = await IncidentDemoStage.StartAsync(data, IncidentDemoRun.Failures, CancellationToken.None, Console.Error.WriteLine);
            await stage.RoundAsync(CancellationToken.None); // warm-up: partitions leased, JIT done, table created

            var sinceProbe = new List<double>();
            var toEmail = new List<double>();
            var failingRound = new List<double>();
            var healthyRound = new List<double>();
            for (var i = 0; i < incidents; i++)
            {
                stage.SampleService.Down = true;
                for (var n = 1; n <= IncidentDemoRun.Failures; n++)
                {
                    var round = await stage.RoundAsync(CancellationToken.None);
                    if (n < IncidentDemoRun.Failures)
                    {
                        continue;
                    }

                    if (!round.Summary.Signals.Any(s => s.Kind == SignalKind.Failing) || stage.Smtp.Messages.Count != 2 * i + 1)
                    {
                        Console.Error.WriteLine($"incident {i + 1}: round {round.InstanceId} filed no incident or sent no email: {string.Join("; ", round.Summary.Incidents ?? [])}");
                        return 1;
                    }

                    sinceProbe.Add(round.SinceProbe.TotalMilliseconds);
                    toEmail.Add((stage.Smtp.ArrivedAt.Last() - round.ProbeAnsweredAt).TotalMilliseconds);
                    failingRound.Add(round.Elapsed.TotalMilliseconds);
                }

                stage.SampleService.Down = false;
                var recovered = await stage.RoundAsync(CancellationToken.None);
                Console.Error.WriteLine($"incident {i + 1}/{incidents}: {sinceProbe[^1]:0} ms; {string.Join("; ", recovered.Summary.Incidents ?? [])}");
                healthyRound.Add((await stage.RoundAsync(CancellationToken.None)).Elapsed.TotalMilliseconds);
            }

            var create = await IssueCreateAsync(stage, creates);
            new BenchTable($"incident flow on the local engine (sandbox GitLab, in-process SMTP, Azurite in memory, {Environment.ProcessorCount} cores), {incidents} incidents")
                .Add("probe answer → issue+wiki+email p50", Percentile(toEmail, 50), "ms", Percentile(create, 50), "goal < 5000 ms; baseline: bare issue-create p50")
                .Add("probe answer → issue+wiki+email p95", Percentile(toEmail, 95), "ms", Percentile(create, 95), "goal < 5000 ms; baseline: bare issue-create p95")
                .Add("probe answer → RCA page with suspects p50", Percentile(sinceProbe, 50), "ms", Percentile(create, 50), "the round done: evidence fan-out and ranking after the email")
                .Add("probe answer → RCA page with suspects p95", Percentile(sinceProbe, 95), "ms", Percentile(create, 95), "baseline: bare issue-create p95")
                .Add("failing round start → done p50", Percentile(failingRound, 50), "ms", Percentile(healthyRound, 50), "baseline: a healthy round (no incident) p50")
                .Add("failing round start → done p95", Percentile(failingRound, 95), "ms", Percentile(healthyRound, 95), "baseline: a healthy round p95")
                .Add($"bare POST /issues p50 ({creates} calls)", Percentile(create, 50), "ms")
                .Print(Console.Out);
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The bare GitLab call the flow makes once: POST /projects/:id/issues on the same sandbox.</summary>
    private static async Task<List<double>> IssueCreateAsync(IncidentDemoStage stage, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await stage.Api.PostAsJsonAsync($"projects/{stage.ProjectId}/issues", new { title = $"bench issue {i}", description = "baseline", labels = "bench" });
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
