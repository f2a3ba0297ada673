using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RagnarokOps.Sandbox.Tests.Web;

public sealed class WebPagesTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task IssueWebUrl_OpensAReadOnlyPageWithTheNotesEncoded()
    {
        var issue = (await (await sandbox.Http.PostAsJsonAsync($"{sandbox.Project}/issues", new { title = "Checkout <b>fails</b>", description = "POST /api/checkout answers 500" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var iid = issue["iid"]!.GetValue<long>();
        (await sandbox.Http.PostAsJsonAsync($"{sandbox.Project}/issues/{iid}/notes", new { body = "<script>alert(1)</script> triage" })).EnsureSuccessStatusCode();

        using var page = await sandbox.Http.GetAsync(new Uri(issue["web_url"]!.GetValue<string>()));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Checkout &lt;b&gt;fails&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("POST /api/checkout answers 500", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; triage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeRequestWebUrl_ShowsBranchesAndTheDiff_UnknownOnesAre404()
    {
        var project = (await sandbox.GetJsonAsync(sandbox.Project)).AsObject();
        (await sandbox.Http.PostAsJsonAsync($"{sandbox.Project}/repository/branches", new { branch = "web-view", @ref = "main" })).EnsureSuccessStatusCode();
        (await sandbox.Http.PostAsJsonAsync($"{sandbox.Project}/repository/commits", new
        {
            branch = "web-view",
            commit_message = "Add a note",
            actions = new[] { new { action = "create", file_path = "docs/web-view.md", content = "hello from the web view\n" } },
        })).EnsureSuccessStatusCode();
        var mr = (await (await sandbox.Http.PostAsJsonAsync($"{sandbox.Project}/merge_requests", new { source_branch = "web-view", target_branch = "main", title = "Draft: web view" })).Content.ReadFromJsonAsync<JsonObject>())!;

        var html = await sandbox.Http.GetStringAsync(new Uri(mr["web_url"]!.GetValue<string>()));
        using var missing = await sandbox.Http.GetAsync(new Uri($"{project["web_url"]}/-/merge_requests/9999"));

        Assert.Contains("<code>web-view</code> → <code>main</code>", html, StringComparison.Ordinal);
        Assert.Contains("docs/web-view.md", html, StringComparison.Ordinal);
        Assert.Contains("+hello from the web view", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
