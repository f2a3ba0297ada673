using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalEndpointsTests
{
    private const string Instance = "esc-checkout-42";
    private static readonly string Action = ApprovalActions.Revert("4f2a9c1");

    [Fact]
    public async Task Get_ThenPost_ShowsPageWithoutConsumingThenApprovesOnceAndRefusesReuse()
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
            Assert.Contains("value=\"approve\"", html, StringComparison.Ordinal);
            Assert.Contains("method=\"post\" action=\"/api/approvals/esc-checkout-42\"", html, StringComparison.Ordinal);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        }

        Assert.Empty(sink.Raised);

        var first = await PostFormAsync(host, token, "approve");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Approved", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (raisedFor, decision) = Assert.Single(sink.Raised);
        Assert.Equal(Instance, raisedFor);
        Assert.True(decision.Approved);
        Assert.Equal(Action, decision.Action);
        Assert.Equal(time.GetUtcNow(), decision.DecidedAt);

        var second = await PostFormAsync(host, token, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("already used", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(sink.Raised);
    }

    [Fact]
    public async Task Post_ForgedSignature_Is403AndRaisesNothing()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await PostFormAsync(host, forged, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("bad signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sink.Raised);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.GetAsync(Url(forged))).StatusCode);
    }

    [Fact]
    public async Task Post_ExpiredToken_Is403Expired()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time, validFor: TimeSpan.FromMinutes(30), requestOpenFor: TimeSpan.FromDays(1)).Token;
        time.Advance(TimeSpan.FromMinutes(31));

        var response = await PostFormAsync(host, token, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sink.Raised);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.GetAsync(Url(token))).StatusCode);
    }

    [Fact]
    public async Task Post_TokenOfInstanceAOnInstanceB_Is403WrongInstance()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;
        host.Requests.Set("esc-billing-7", new ApprovalRequest(Action, "Other case", "x", time.GetUtcNow().AddHours(1)));

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["decision"] = "approve" });
        var response = await host.Http.PostAsync(new Uri("/api/approvals/esc-billing-7", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("wrong instance", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sink.Raised);
    }

    [Fact]
    public async Task Post_TokenForAnotherActionThanPending_Is403WrongAction()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;
        host.Requests.Set(Instance, new ApprovalRequest(ApprovalActions.CreateDraftMergeRequest, "Draft MR", "x", time.GetUtcNow().AddHours(1)));

        var response = await PostFormAsync(host, token, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("wrong action", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RejectAsJson_RaisesRejectionWithCommentAndAnswersJson()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;

        var response = await host.Http.PostAsJsonAsync(
            new Uri($"/api/approvals/{Instance}", UriKind.Relative),
            new { token, decision = "reject", comment = "  culprit is the flag, not the commit  ", by = "oncall-anna" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("reject", json.RootElement.GetProperty("decision").GetString());
        var (_, decision) = Assert.Single(sink.Raised);
        Assert.False(decision.Approved);
        Assert.Equal("culprit is the flag, not the commit", decision.Comment);
        Assert.Equal("oncall-anna", decision.By);

        var again = await host.Http.PostAsJsonAsync(new Uri($"/api/approvals/{Instance}", UriKind.Relative), new { token, decision = "approve" });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        using var error = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.StartsWith("already used", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AfterRestartOnTheSameLedgerFile_IsStillAlreadyUsed()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        string token;
        await using (var first = await ApprovalTestHost.StartAsync(dir.Path, time, sink))
        {
            token = Pending(first, time).Token;
            Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(first, token, "approve")).StatusCode);
        }

        await using var second = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        second.Requests.Set(Instance, new ApprovalRequest(Action, "Revert 4f2a9c1 on checkout", "x", time.GetUtcNow().AddHours(1)));

        var response = await PostFormAsync(second, token, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("already used", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(sink.Raised);
        Assert.True(File.Exists(dir.Combine("data", "approvals.db")));
    }

    [Fact]
    public async Task Post_ConcurrentClicks_ExactlyOneDecides()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostFormAsync(host, token, "approve")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
        Assert.Single(sink.Raised);
    }

    [Fact]
    public async Task Post_WhenTheCaseWaitsForNothing_Is409AndKeepsTheLinkUsable()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;
        host.Requests.Clear(Instance);

        Assert.Equal(HttpStatusCode.Conflict, (await PostFormAsync(host, token, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Http.GetAsync(Url(token))).StatusCode);

        host.Requests.Set(Instance, new ApprovalRequest(Action, "Revert", "x", time.GetUtcNow().AddHours(1)));
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(host, token, "approve")).StatusCode);
    }

    [Fact]
    public async Task Post_WhenTheSinkFails_Is503AndTheLinkStillWorks()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink { Failing = true };
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        var token = Pending(host, time).Token;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostFormAsync(host, token, "approve")).StatusCode);
        sink.Failing = false;

        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(host, token, "approve")).StatusCode);
        Assert.Single(sink.Raised);
    }

    [Theory]
    [InlineData("token=abc&decision=maybe", "application/x-www-form-urlencoded")]
    [InlineData("{not json", "application/json")]
    [InlineData("token=abc", "text/plain")]
    public async Task Post_BadBody_Is400(string body, string contentType)
    {
        using var dir = new TempDirectory();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, new ManualClock(), sink);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        var response = await host.Http.PostAsync(new Uri($"/api/approvals/{Instance}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(sink.Raised);
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
        await PostFormAsync(host, token, "approve");

        Assert.Contains(host.Logs.Lines, l => l.Contains("[1202]", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("[1203]", StringComparison.Ordinal));
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(signature, StringComparison.Ordinal) || l.Contains(ApprovalTestHost.SigningKey, StringComparison.Ordinal));
    }

    private static IssuedApprovalToken Pending(ApprovalTestHost host, ManualClock time, TimeSpan? validFor = null, TimeSpan? requestOpenFor = null)
    {
        var issued = host.Tokens.Issue(Instance, Action, validFor ?? TimeSpan.FromHours(4));
        host.Requests.Set(Instance, new ApprovalRequest(Action, "Revert 4f2a9c1 on checkout", "Top hypothesis: deploy of 4f2a9c1 (0.82)", time.GetUtcNow().Add(requestOpenFor ?? TimeSpan.FromHours(4))));
        return issued;
    }

    private static Uri Url(string token) => new($"/api/approvals/{Instance}?token={Uri.EscapeDataString(token)}", UriKind.Relative);

    private static async Task<HttpResponseMessage> PostFormAsync(ApprovalTestHost host, string token, string decision)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["decision"] = decision });
        return await host.Http.PostAsync(new Uri($"/api/approvals/{Instance}", UriKind.Relative), content);
    }
}
