using System.Net;
using System.Net.Http.Json;
using System.Text;
using RagnarokOps.Sandbox.Staging;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Sandbox.Tests.Staging;

public sealed class StagingServiceTests
{
    private const string NoCoupon = """{"cart":{"id":"7779a704-12af-3dbc-8a1f-00000000002a","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":10.00}],"coupon":null},"shippingCountry":"DE"}""";
    private const string WithCoupon = """{"cart":{"id":"7779a704-12af-3dbc-8a1f-00000000002a","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":10.00}],"coupon":{"code":"SPRING","percent":10}},"shippingCountry":"DE"}""";

    [Fact]
    public async Task Checkout_StagingCarriesTheCulprit_CartWithoutCouponFailsWith500LikeProduction()
    {
        using var data = new TempDirectory();
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "checkout" }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.StagingUrl };

        var failing = await PostAsync(http, NoCoupon);
        var fine = await PostAsync(http, WithCoupon);
        var empty = await http.PostAsync(new Uri("/api/checkout", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(21.42m, (await fine.Content.ReadFromJsonAsync<Order>())!.Total);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Seed_ThePolicysReplayUrl_IsWhereTheStagingCopyListens_AndARestartServesItAgain()
    {
        using var data = new TempDirectory();
        Uri first;
        await using (var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "checkout" }, CancellationToken.None))
        {
            first = server.StagingUrl!;
            using var api = new HttpClient { BaseAddress = server.BaseUrl };
            api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", server.Token);
            var policy = await api.GetStringAsync(new Uri($"api/v4/projects/{server.GroundTruth!.ProjectId}/repository/files/.ragnarok.yaml/raw?ref=main", UriKind.Relative));
            Assert.Contains($"replay_url: {first.ToString().TrimEnd('/')}", policy, StringComparison.Ordinal);
        }

        await using var restarted = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "checkout" }, CancellationToken.None);
        Assert.Equal(first, restarted.StagingUrl);
        using var http = new HttpClient { BaseAddress = restarted.StagingUrl };
        Assert.Equal(HttpStatusCode.InternalServerError, (await PostAsync(http, NoCoupon)).StatusCode);
    }

    [Fact]
    public async Task Checkout_FixReachesTheStagingBranch_TheSameRequestSucceeds()
    {
        using var data = new TempDirectory();
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "checkout" }, CancellationToken.None);
        using var api = new HttpClient { BaseAddress = server.BaseUrl };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", server.Token);
        var truth = server.GroundTruth!;
        (await api.PostAsJsonAsync($"api/v4/projects/{truth.ProjectId}/repository/commits/{truth.CulpritSha}/revert", new { branch = "staging" })).EnsureSuccessStatusCode();
        using var http = new HttpClient { BaseAddress = server.StagingUrl };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, NoCoupon)).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body) =>
        http.PostAsync(new Uri("/api/checkout", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private sealed record Order(Guid OrderId, decimal Total);
}
