using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using RagnarokOps.Connectors.Probes;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Tests.Probes;

/// <summary>The HTTP probe against a real Kestrel server, and the /proc probes on this machine.</summary>
public sealed class ProbeProbesTests
{
    [Fact]
    public async Task Http_StatusAndBody_OkOrFailingWithReason()
    {
        await using var app = await StartAsync();
        var probe = new HttpProbe(TimeProvider.System);
        var ok = await probe.RunAsync(Http(app, "/ok", new ProbeThresholds(BodyMatch: "\"status\":\"up\"")), CancellationToken.None);
        var down = await probe.RunAsync(Http(app, "/down"), CancellationToken.None);
        var mismatch = await probe.RunAsync(Http(app, "/ok", new ProbeThresholds(BodyMatch: "healthy")), CancellationToken.None);
        var slow = await probe.RunAsync(Http(app, "/slow", new ProbeThresholds(TimeoutSeconds: 1)), CancellationToken.None);

        Assert.True(ok.Ok, ok.Detail);
        Assert.False(down.Ok);
        Assert.Contains("HTTP 503", down.Detail, StringComparison.Ordinal);
        Assert.False(mismatch.Ok);
        Assert.Contains("body does not match", mismatch.Detail, StringComparison.Ordinal);
        Assert.False(slow.Ok);
        Assert.Contains("no answer within 1 s", slow.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_ThresholdsForcedBothWays()
    {
        var probe = new HostProbe(TimeProvider.System);
        var target = new ProbeTarget("mem", "host", "p", ProbeKind.Memory);
        var pass = await probe.MemoryAsync(target with { Thresholds = new ProbeThresholds(MaxPercent: 100, SustainedSeconds: 1) }, CancellationToken.None);
        var fail = await probe.MemoryAsync(target with { Thresholds = new ProbeThresholds(MaxPercent: 0, SustainedSeconds: 2) }, CancellationToken.None);
        Assert.True(pass.Ok, pass.Detail);
        Assert.False(fail.Ok, fail.Detail);
        Assert.Contains("for 2 s", fail.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cpu_ThresholdsForcedBothWays()
    {
        var probe = new HostProbe(TimeProvider.System);
        var target = new ProbeTarget("cpu", "host", "p", ProbeKind.Cpu);
        var pass = await probe.CpuAsync(target with { Thresholds = new ProbeThresholds(MaxPercent: 100, SustainedSeconds: 1) }, CancellationToken.None);
        var fail = await probe.CpuAsync(target with { Thresholds = new ProbeThresholds(MaxPercent: 0, SustainedSeconds: 1) }, CancellationToken.None);
        Assert.True(pass.Ok, pass.Detail);
        Assert.False(fail.Ok, fail.Detail);
    }

    private static ProbeTarget Http(WebApplication app, string path, ProbeThresholds? limits = null) =>
        new("web", "orders", "platform/orders", ProbeKind.Http, new Uri(new Uri(app.Urls.First()), path).ToString(), Thresholds: limits);

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/ok", () => Results.Text("{\"status\":\"up\"}", "application/json"));
        app.MapGet("/down", () => Results.StatusCode((int)HttpStatusCode.ServiceUnavailable));
        app.MapGet("/slow", async (CancellationToken ct) => { await Task.Delay(TimeSpan.FromSeconds(5), ct); return Results.Ok(); });
        await app.StartAsync();
        return app;
    }
}
