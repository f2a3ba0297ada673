using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Tests.Webhooks;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Escalations;

/// <summary>The approval link over the real engine: the page reads the case's custom status and tells how to decide; it never decides.</summary>
public sealed class EngineApprovalWiringTests
{
    private const string Action = "revert:abc123";

    [Fact]
    public async Task ApprovalLink_Get_ShowsTheCaseTheApproversAndTheIssue_PostDecidesNothing()
    {
        using var dir = new TempDirectory();
        var probe = new ApprovalProbe { Approvers = new CaseApprovers(50, ["carol"], [], "approval in .ragnarok.yaml") };
        await using var host = await FlowTestHost.StartAsync(dir.Path, configureServices: probe.Register);
        probe.Links = host.App.Services.GetRequiredService<ApprovalLinks>();
        var url = await StartAndWaitForLinkAsync(host, "escalation-7-20");

        var page = await host.Http.GetAsync(new Uri(url));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Action, html, StringComparison.Ordinal);
        Assert.Contains("@carol or anyone with access level 50 (owner) or more in the project", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://gitlab.test/shop/checkout/-/issues/1\"", html, StringComparison.Ordinal);

        var clicked = await PostAsync(host, "escalation-7-20", TokenOf(url), "approve");
        Assert.Equal(HttpStatusCode.Forbidden, clicked.StatusCode);
        await Task.Delay(500);
        Assert.True((await host.Client.GetInstanceAsync("escalation-7-20", CancellationToken.None))!.IsRunning);
    }

    [Fact]
    public async Task ApprovalLink_ForgedOrExpired_Is403AndTheCaseKeepsWaiting()
    {
        using var dir = new TempDirectory();
        var probe = new ApprovalProbe { ValidFor = TimeSpan.FromSeconds(2) };
        await using var host = await FlowTestHost.StartAsync(dir.Path, configureServices: probe.Register);
        probe.Links = host.App.Services.GetRequiredService<ApprovalLinks>();
        var url = await StartAndWaitForLinkAsync(host, "escalation-7-21");
        var token = TokenOf(url);
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        var forgedPage = await host.Http.GetAsync(new Uri($"/api/approvals/escalation-7-21?token={Uri.EscapeDataString(forged)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forgedPage.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var expiredPage = await host.Http.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.Forbidden, expiredPage.StatusCode);
        Assert.Contains("expired", await expiredPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await host.Client.GetInstanceAsync("escalation-7-21", CancellationToken.None))!.IsRunning);
    }

    internal static async Task<string> StartAndWaitForLinkAsync(FlowTestHost host, string instanceId)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(ApprovalProbe.Name, Action, new StartOrchestrationOptions(instanceId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = (await host.Client.GetInstanceAsync(instanceId, true, timeout.Token))?.ReadCustomStatusAs<EscalationStatus>();
            if (status is { Step: EscalationSteps.AwaitingApproval, ApprovalUrl: { } url })
            {
                return url;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static string TokenOf(string url) => QueryHelpers.ParseQuery(new Uri(url).Query)["token"].ToString();

    private static Task<HttpResponseMessage> PostAsync(FlowTestHost host, string instanceId, string token, string decision) =>
        host.Http.PostAsync(
            new Uri($"/api/approvals/{instanceId}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["decision"] = decision }));
}
