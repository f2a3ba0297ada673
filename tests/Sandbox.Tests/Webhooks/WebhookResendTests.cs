namespace RagnarokOps.Sandbox.Tests.Webhooks;

/// <summary>A failed delivery is retried; a manual resend keeps the Idempotency-Key and event UUID.</summary>
public sealed class WebhookResendTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    [Fact]
    public async Task Resend_DeliveredEvent_SameIdempotencyKeyNewWebhookUuid()
    {
        // The first attempt fails, so this also shows the retry.
        using var listener = new HookListener(500);
        var hookId = await WebhookDispatcherTests.AddHookAsync(sandbox, P, listener);
        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/issues", new { title = "Resend me" });
        var first = await listener.NextAsync("Issue Hook");

        // The receiver sees the POST before the sandbox records the answer, so wait for the record.
        var delivered = (await sandbox.GetJsonAsync($"{P}/hooks/{hookId}/events")).AsArray().Single()!;
        for (var i = 0; i < 100 && delivered["response_status"]!.GetValue<string>() == "pending"; i++)
        {
            await Task.Delay(50);
            delivered = (await sandbox.GetJsonAsync($"{P}/hooks/{hookId}/events")).AsArray().Single()!;
        }

        Assert.Equal(2, delivered["attempts"]!.GetValue<int>());
        Assert.Equal("200", delivered["response_status"]!.GetValue<string>());

        var (status, _) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/hooks/{hookId}/events/{delivered["id"]}/resend", new { });
        Assert.Equal(201, status);
        var again = await listener.NextAsync("Issue Hook");
        Assert.Equal(first.Headers["Idempotency-Key"], again.Headers["Idempotency-Key"]);
        Assert.Equal(first.Headers["X-Gitlab-Event-UUID"], again.Headers["X-Gitlab-Event-UUID"]);
        Assert.NotEqual(first.Headers["X-Gitlab-Webhook-UUID"], again.Headers["X-Gitlab-Webhook-UUID"]);
        Assert.Equal(first.Body.ToJsonString(), again.Body.ToJsonString());
    }
}
