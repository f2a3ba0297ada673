using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalEndpointsTests
{
    private const string Instance = "esc-checkout-42";
    private static readonly string Action = ApprovalActions.Revert("4f2a9c1");

    [Fact]
    public async Task Get_ValidToken_ShowsWhatWhoAndHowToDecideAndDecidesNothing()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;

        for (var i = 0; i < 2; i++)
        {
            var page = await host.Http.GetAsync(Url(token));
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Revert 4f2a9c1 on checkout", html, StringComparison.Ordinal);
            Assert.Contains("/ragnarok approve [comment]", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"http://gitlab.example/shop/checkout/-/issues/42\">the issue</a>", html, StringComparison.Ordinal);
            Assert.Contains("@carol, members of acme/sre or anyone with access level 40 (maintainer) or more in the project (approval in .ragnarok.yaml)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        }

        Assert.Empty(sink.Raised);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task Post_EvenWithAValidToken_Is403NamingTheCommentAndRaisesNothing(string contentType)
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;
        using var content = contentType == "application/json"
            ? (HttpContent)JsonContent.Create(new { token, decision = "approve", by = "mallory" })
            : new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["decision"] = "approve", ["by"] = "mallory" });

        var response = await host.Http.PostAsync(new Uri($"/api/approvals/{Instance}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("comment /ragnarok approve or /ragnarok reject on the issue", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sink.Raised);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(Url(token))).StatusCode);
    }

    [Fact]
    public async Task Get_ForgedSignature_Is403()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var token = Pending(host, time).Token;
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await host.Http.GetAsync(Url(forged));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("bad signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ExpiredToken_Is403Expired()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var token = Pending(host, time, validFor: TimeSpan.FromMinutes(30), requestOpenFor: TimeSpan.FromDays(1)).Token;
        time.Advance(TimeSpan.FromMinutes(31));

        var response = await host.Http.GetAsync(Url(token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TokenOfAnotherInstanceOrAction_Is403WithTheReason()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var other = host.Tokens.Issue("esc-billing-7", Action, TimeSpan.FromHours(1)).Token;
        var wrongAction = host.Tokens.Issue(Instance, ApprovalActions.Revert("0000000"), TimeSpan.FromHours(1)).Token;
        Pending(host, time);

        var instance = await host.Http.GetAsync(Url(other));
        var action = await host.Http.GetAsync(Url(wrongAction));

        Assert.Equal(HttpStatusCode.Forbidden, instance.StatusCode);
        Assert.Contains("wrong instance", await instance.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, action.StatusCode);
        Assert.Contains("wrong action", await action.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenTheCaseWaitsForNothing_Is409()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var token = host.Tokens.Issue(Instance, Action, TimeSpan.FromHours(1)).Token;

        var response = await host.Http.GetAsync(Url(token));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not waiting for an approval", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HostileTitleAndSummary_AreEncoded()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var issued = host.Tokens.Issue(Instance, Action, TimeSpan.FromHours(1));
        host.Requests.Set(Instance, new ApprovalRequest(Action, "<img src=x onerror=alert(1)>", "## Evidence\n<script>alert('x')</script> \"quoted\"", time.GetUtcNow().AddHours(1)));

        var html = await host.Http.GetStringAsync(Url(issued.Token));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_WithTokens_NeverPutTheTokenInLogs()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var token = Pending(host, time).Token;

        await host.Http.GetAsync(Url(token));
        await host.Http.GetAsync(Url(token[..^3] + "xyz"));
        await PostFormAsync(host, token, "approve");

        Assert.Contains(host.Logs.Lines, l => l.Contains("[1203]", StringComparison.Ordinal));
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(signature, StringComparison.Ordinal) || l.Contains(ApprovalTestHost.SigningKey, StringComparison.Ordinal));
    }

    private static IssuedApprovalToken Pending(ApprovalTestHost host, ManualClock time, TimeSpan? validFor = null, TimeSpan? requestOpenFor = null)
    {
        var issued = host.Tokens.Issue(Instance, Action, validFor ?? TimeSpan.FromHours(4));
        host.Requests.Set(Instance, new ApprovalRequest(Action, "Revert 4f2a9c1 on checkout", "Top hypothesis: deploy of 4f2a9c1 (0.82)", time.GetUtcNow().Add(requestOpenFor ?? TimeSpan.FromHours(4)))
        {
            Approvers = new CaseApprovers(40, ["carol"], ["acme/sre"], "approval in .ragnarok.yaml"),
            IssueUrl = "http://gitlab.example/shop/checkout/-/issues/42",
        });
        return issued;
    }

    private static Uri Url(string token) => new($"/api/approvals/{Instance}?token={Uri.EscapeDataString(token)}", UriKind.Relative);

    private static async Task<HttpResponseMessage> PostFormAsync(ApprovalTestHost host, string token, string decision)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["decision"] = decision });
        return await host.Http.PostAsync(new Uri($"/api/approvals/{Instance}", UriKind.Relative), content);
    }
}
