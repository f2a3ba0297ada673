using System.Net.Http.Json;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Sandbox.Tests.Webhooks;

/// <summary>A delivery still being retried when the sandbox stops goes out after the next start.</summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task Restart_PendingDelivery_DeliveredWithSameIdempotencyKey()
    {
        using var data = new TempDirectory("ragnarok-hook-restart");
        using var listener = new HookListener(500);
        var options = new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path };
        string refusedKey;
        await using (var first = await SandboxServer.StartAsync(options with { Seed = "checkout" }, CancellationToken.None))
        {
            using var http = SandboxFixture.CreateClient(first);
            using var hook = await http.PostAsJsonAsync(new Uri("api/v4/projects/1/hooks", UriKind.Relative), new { url = listener.Url, issues_events = true });
            Assert.Equal(201, (int)hook.StatusCode);
            using var issue = await http.PostAsJsonAsync(new Uri("api/v4/projects/1/issues", UriKind.Relative), new { title = "Delivered after a restart" });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            refusedKey = await listener.Refused.Reader.ReadAsync(timeout.Token);
        }

        await using var second = await SandboxServer.StartAsync(options, CancellationToken.None);
        var delivered = await listener.NextAsync("Issue Hook");
        Assert.Equal(refusedKey, delivered.Headers["Idempotency-Key"]);
        Assert.Equal("Delivered after a restart", delivered.Body["object_attributes"]!["title"]!.GetValue<string>());
    }
}
