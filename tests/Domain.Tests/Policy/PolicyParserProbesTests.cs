using RagnarokOps.Domain.Policy;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Domain.Tests.Policy;

public sealed class PolicyParserProbesTests
{
    private const string Valid = """
        version: 1
        services:
          - name: checkout
            probes:
              - name: checkout-http
                kind: http
                url: https://checkout.example/health
                interval: 2m
                failures: 2
                expect_status: 200
                max_latency_ms: 500
                body_match: "ok"
              - name: checkout-db
                kind: postgres
                connection: CheckoutDb
                schedule: "*/5 * * * *"
                max_connections_percent: 70
          - name: worker
            probes:
              - { name: worker-cpu, kind: cpu, max_percent: 95, sustained_seconds: 10 }
        """;

    [Fact]
    public void Parse_ServiceProbes_ReadsEveryFieldWithTheServiceAndTheEntrysLine()
    {
        var policy = PolicyParser.Parse(Valid, "shop/checkout/.ragnarok.yaml").GetOrThrow();

        var checkout = policy.FindService("checkout")!;
        Assert.Equal(2, checkout.Probes.Count);
        var http = checkout.Probes[0];
        Assert.Equal(new ProbeTarget("checkout-http", "checkout", "", ProbeKind.Http, "https://checkout.example/health", null, 120, null,
            new ProbeThresholds(FailuresToOpen: 2, ExpectStatus: 200, MaxLatencyMs: 500, BodyMatch: "ok"), "shop/checkout/.ragnarok.yaml:5"), http);
        var db = checkout.Probes[1];
        Assert.Equal(ProbeKind.Postgres, db.Kind);
        Assert.Equal("CheckoutDb", db.Connection);
        Assert.Equal("*/5 * * * *", db.Schedule);
        Assert.Equal(70, db.Limits.MaxConnectionsPercent);
        var cpu = Assert.Single(policy.FindService("worker")!.Probes);
        Assert.Equal(("worker-cpu", "worker", ProbeKind.Cpu, 95d, 10), (cpu.Name, cpu.Service, cpu.Kind, cpu.Limits.MaxPercent, cpu.Limits.SustainedSeconds));
    }

    [Fact]
    public void Parse_BadProbeEntries_NameFileLineAndFieldOfEach()
    {
        const string yaml = """
            version: 1
            services:
              - name: checkout
                probes:
                  - name: a
                    kind: ftp
                    url: https://x.example
                  - name: b
                    kind: http
                    url: /health
                    interval: 10s
                  - name: c
                    kind: http
                    url: https://x.example
                    retries: 3
                  - kind: memory
                  - name: a
                    kind: cpu
            """;

        var result = PolicyParser.Parse(yaml, "shop/checkout/.ragnarok.yaml");

        Assert.Null(result.Policy);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("shop/checkout/.ragnarok.yaml(6,15): services[0].probes[0].kind: 'ftp' is not http, cpu, memory or postgres", errors);
        Assert.Contains("shop/checkout/.ragnarok.yaml(8,9): services[0].probes[1]: url: '/health' is not an absolute http(s) URL", errors);
        Assert.Contains("shop/checkout/.ragnarok.yaml(8,9): services[0].probes[1]: interval: 10 s is shorter than a round (60 s)", errors);
        Assert.Contains(errors, e => e.StartsWith("shop/checkout/.ragnarok.yaml(15,9): services[0].probes[2].retries: unknown key 'retries'", StringComparison.Ordinal));
        Assert.Contains("shop/checkout/.ragnarok.yaml(16,9): services[0].probes[3].name: is required", errors);
        Assert.Contains("shop/checkout/.ragnarok.yaml(17,15): services[0].probes[4].name: probe 'a' is defined twice in the policy", errors);
        Assert.Equal(6, errors.Count);
    }
}
