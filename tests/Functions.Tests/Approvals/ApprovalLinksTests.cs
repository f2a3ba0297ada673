using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalLinksTests
{
    [Theory]
    [InlineData("api", "case-1", "/api/approvals/case-1")]
    [InlineData("", "case-1", "/approvals/case-1")]
    [InlineData("/ops/", "group/app#7", "/ops/approvals/group%2Fapp%237")]
    public void PathFor_PrefixAndInstance_JoinsAndEscapes(string prefix, string instanceId, string expected) =>
        Assert.Equal(expected, ApprovalLinks.PathFor(prefix, instanceId));

    [Fact]
    public async Task Create_FollowedOverHttp_OpensTheConfirmationPage()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, new RecordingDecisionSink());
        var links = host.Services.GetRequiredService<ApprovalLinks>();

        var link = links.Create("case-9", ApprovalActions.CreateDraftMergeRequest, TimeSpan.FromHours(1));
        host.Requests.Set("case-9", new ApprovalRequest(ApprovalActions.CreateDraftMergeRequest, "Open the draft MR", "evidence", time.GetUtcNow().AddHours(1)));
        var response = await host.Http.GetAsync(new Uri(link.Url.PathAndQuery, UriKind.Relative));

        Assert.StartsWith("http://127.0.0.1:7071/api/approvals/case-9?token=v1.", link.Url.ToString(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Create_ForAnInstanceIdWithSlashAndHash_RoundTripsThroughRouting()
    {
        using var dir = new TempDirectory();
        var time = new ManualClock();
        var sink = new RecordingDecisionSink();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, time, sink);
        const string Instance = "group/app#7 100%";
        var link = host.Services.GetRequiredService<ApprovalLinks>().Create(Instance, "revert:abc", TimeSpan.FromHours(1));
        host.Requests.Set(Instance, new ApprovalRequest("revert:abc", "Revert", "evidence", time.GetUtcNow().AddHours(1)));

        var page = await host.Http.GetAsync(new Uri(link.Url.PathAndQuery, UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = link.Token.Token, ["decision"] = "approve" });
        var decided = await host.Http.PostAsync(new Uri(link.Url.AbsolutePath, UriKind.Relative), form);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("group/app#7 100%", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, decided.StatusCode);
        Assert.Empty(sink.Raised);
    }
}
