using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Tests.Approvals;
using RagnarokOps.Functions.Webhooks;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

public sealed class WebhookWarmupTests
{
    [Theory]
    [InlineData("escalation::critical")]
    [InlineData("sev::1")]
    public void Rehearse_UnlabelledSample_IsParsedAndIgnored(string label)
    {
        // The warm-up's own delivery must take the parse-and-decide path and start nothing.
        var decision = WebhookWarmup.Rehearse(new WebhookOptions { EscalationLabel = label }, label: null);

        var ignore = Assert.IsType<WebhookDecision.Ignore>(decision);
        Assert.Contains($"without the {label} label", ignore.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehearse_LabelledSample_WouldStartACase()
    {
        // The same sample with the label is a real escalation: proof the sample is one the parser accepts.
        var decision = WebhookWarmup.Rehearse(new WebhookOptions(), "escalation::critical");

        Assert.Equal("ragnarok/warmup", Assert.IsType<WebhookDecision.Start>(decision).Request.Case.ProjectPath);
    }

    [Fact]
    public async Task Receive_TheWarmupsOwnRequest_IsNotLoggedAsAGitLabDelivery()
    {
        using var dir = new TempDirectory();
        var logs = new CapturingLoggerProvider();
        await using var host = await FlowTestHost.StartAsync(dir.Path, configureServices: s => s.AddSingleton<ILoggerProvider>(logs));

        using (var warmup = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/gitlab") { Content = new StringContent(Hooks.Issue(7, 3, "open").ToJsonString()) })
        {
            warmup.Headers.Add("X-Gitlab-Event", "Issue Hook");
            warmup.Headers.Add("X-Gitlab-Token", FlowTestHost.Secret);
            warmup.Headers.Add(WebhookWarmup.Header, "1");
            Assert.True((await host.Http.SendAsync(warmup)).IsSuccessStatusCode);
        }

        Assert.True((await Hooks.PostAsync(host.Http, "Issue Hook", Hooks.Issue(7, 4, "open"))).IsSuccessStatusCode);

        Assert.Contains(logs.Lines, l => l.Contains("[1002]", StringComparison.Ordinal) && l.Contains("issue #4 ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("issue #3 ", StringComparison.Ordinal));
    }
}
