using System.Net;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagnarokOps.Functions.Dashboard;
using RagnarokOps.Functions.Tests.Webhooks;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Dashboard;

/// <summary>The real local host on Azurite, its page in Debian's headless Chromium driven by Playwright.</summary>
public sealed class DashboardPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Page_ShowsPanels_ClassifiesAPastedLog_DrawsTheChart_AndUpdatesLive()
    {
        using var dir = new TempDirectory();
        await using var host = await StartHostAsync(dir.Path);
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

        await page.GotoAsync(host.Url + "/");

        await Assertions.Expect(page.Locator("#incidents")).ToContainTextAsync(NotConfiguredIncidentSource.Reason);
        await Assertions.Expect(page.Locator("#cases")).ToContainTextAsync("no open escalation cases");
        await Assertions.Expect(page.Locator("#pipelines")).ToContainTextAsync("no pipeline diagnoses yet");
        await Assertions.Expect(page.Locator("#probes [data-target='checkout-api']")).ToContainTextAsync("down");

        // The chart draws the fake source's points: the line and the error bars leave marks on the white background.
        var chart = page.Locator("#probes [data-target='checkout-api'] svg.chart");
        await Assertions.Expect(chart.Locator("polyline")).ToHaveCountAsync(1);
        var png = await chart.ScreenshotAsync(new() { Type = ScreenshotType.Png });
        var inked = PngPixels.CountNot(png, (255, 255, 255));
        Assert.True(inked > 200, $"the chart has {inked} non-background pixels; a drawn chart has hundreds");
        var blank = await page.Locator("#probes [data-target='idle'] svg.chart").ScreenshotAsync(new() { Type = ScreenshotType.Png });
        Assert.True(PngPixels.CountNot(blank, (255, 255, 255)) < inked / 10, "a target without points must leave its chart blank");

        await page.FillAsync("#triage-log", TriageEndpointTests.FailingLog);
        await page.ClickAsync("#triage-submit");
        var result = page.Locator("#triage-result");
        await Assertions.Expect(result).ToContainTextAsync("java-npe");
        await Assertions.Expect(result).ToContainTextAsync("Checkout.java:42");
        await Assertions.Expect(result).ToContainTextAsync("Preventable");

        // A change on the server appears without a reload: a target the source starts reporting shows up on the next poll.
        // (An engine instance scheduled for later is no stable fixture here: the in-process sidecar runs it at once, and
        // it ends Failed for want of an input, so the open-cases panel drops it again within seconds.)
        var late = $"late-target-{Environment.ProcessId}";
        FakeProbeSource.Late = late;
        await Assertions.Expect(page.Locator("#probes")).ToContainTextAsync(late, new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Page_OnAPhone_FitsTheWidthAndStacksPanels()
    {
        using var dir = new TempDirectory();
        await using var host = await StartHostAsync(dir.Path);
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });

        await page.GotoAsync(host.Url + "/");
        await Assertions.Expect(page.Locator("#probes [data-target='checkout-api']")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a phone screen");
        var incidents = await page.Locator("#incidents").BoundingBoxAsync();
        var probes = await page.Locator("#probes").BoundingBoxAsync();
        Assert.NotNull(incidents);
        Assert.NotNull(probes);
        Assert.True(probes!.Y >= incidents!.Y + incidents.Height, "on a phone the panels stack in one column");
        Assert.True(incidents.Width <= 375, "a panel fits the screen");
    }

    [Fact]
    public async Task Snapshot_AnswersEveryPanel_EachEmptyOneSaysWhy()
    {
        using var dir = new TempDirectory();
        await using var host = await StartHostAsync(dir.Path, withProbes: false);

        var response = await host.Http.GetAsync(new Uri("/api/dashboard", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        foreach (var panel in new[] { "incidents", "probes", "cases", "pipelines" })
        {
            var p = json.RootElement.GetProperty(panel);
            Assert.Empty(p.GetProperty("rows").EnumerateArray());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("emptyReason").GetString()), $"{panel} is empty without a reason: {body}");
        }

        Assert.Contains(NotConfiguredProbeSource.Reason, body, StringComparison.Ordinal);
    }

    private static Task<FlowTestHost> StartHostAsync(string root, bool withProbes = true) =>
        FlowTestHost.StartAsync(root, new Dictionary<string, string?> { ["Dashboard:RefreshMilliseconds"] = "500" }, services =>
        {
            if (withProbes)
            {
                services.AddScoped<IProbePanelSource, FakeProbeSource>();
            }
        });

    private static async Task<BrowserHandle> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run does)");
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return new BrowserHandle(playwright, browser);
    }

    private sealed class BrowserHandle(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The seam the probe room plugs into: one target with a latency series and two failures, one with none.</summary>
    private sealed class FakeProbeSource : IProbePanelSource
    {
        /// <summary>A target the source starts reporting once a test sets it (the live-update check).</summary>
        public static volatile string? Late;

        public Task<ProbePanel> GetAsync(CancellationToken cancellationToken)
        {
            var start = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
            var points = Enumerable.Range(0, 30)
                .Select(i => new ProbePoint(start.AddMinutes(i), 40 + (i % 7) * 25, Ok: i is not (12 or 29)))
                .ToList();
            return Task.FromResult(new ProbePanel(
            [
                new ProbeRow("checkout-api", "http", "down", null, points),
                new ProbeRow("idle", "http", "unknown", null, []),
                .. Late is { } late ? [new ProbeRow(late, "http", "up", 12, [])] : Array.Empty<ProbeRow>(),
            ]));
        }
    }
}
