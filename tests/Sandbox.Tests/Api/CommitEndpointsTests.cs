using System.Text.Json.Nodes;

namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Multi-action commits, history filters, diffs, auth and pagination headers.</summary>
public sealed class CommitEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    [Fact]
    public async Task CreateCommit_EveryActionKind_AppliesAllInOneCommit()
    {
        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = "actions", @ref = "main" });
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", new
        {
            branch = "actions",
            commit_message = "Many actions",
            actions = new object[]
            {
                new { action = "create", file_path = "foo/bar", content = "some content" },
                new { action = "delete", file_path = "docs/dashboards.md" },
                new { action = "move", file_path = "docs/moved.md", previous_path = "docs/architecture.md" },
                new { action = "update", file_path = "README.md", content = "new content" },
                new { action = "chmod", file_path = "foo/bar", execute_filemode = true },
            },
        });
        Assert.True(status == 201, body?.ToJsonString());
        FixtureKeys.AssertContainsAll("api-commit-create.json", body);
        var tree = (await sandbox.GetJsonAsync(P + "/repository/tree?ref=actions&recursive=true&per_page=100")).AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("foo/bar", tree);
        Assert.Contains("docs/moved.md", tree);
        Assert.DoesNotContain("docs/architecture.md", tree);
        Assert.DoesNotContain("docs/dashboards.md", tree);
        var file = await sandbox.GetJsonAsync(P + "/repository/files/foo%2Fbar?ref=actions");
        Assert.True(file["execute_filemode"]!.GetValue<bool>());
        Assert.Equal("new content", await sandbox.Http.GetStringAsync(new Uri(P + "/repository/files/README.md/raw?ref=actions", UriKind.Relative)));
        var parents = (await sandbox.GetJsonAsync(P + "/repository/commits/actions"))["parent_ids"]!.AsArray();
        Assert.Equal((await sandbox.GetJsonAsync(P + "/repository/commits/main"))["id"]!.GetValue<string>(), parents.Single()!.GetValue<string>());
    }

    [Fact]
    public async Task ListCommits_ByPath_OnlyCommitsTouchingIt()
    {
        var commits = (await sandbox.GetJsonAsync(P + "/repository/commits?ref_name=main&path=src%2FCheckout.Api%2FControllers%2FCheckoutController.cs")).AsArray();
        Assert.Equal(2, commits.Count);
        Assert.Equal(sandbox.Server.GroundTruth!.CulpritSha, commits[0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListCommits_SinceUntil_WindowOnly()
    {
        var truth = sandbox.Server.GroundTruth!;
        var since = Uri.EscapeDataString(truth.Anchor.AddHours(-3.2).ToString("O"));
        var until = Uri.EscapeDataString(truth.Anchor.AddHours(-2.9).ToString("O"));
        var commits = (await sandbox.GetJsonAsync($"{P}/repository/commits?since={since}&until={until}&with_stats=true")).AsArray();
        Assert.Equal(truth.CulpritSha, commits.Single()!["id"]!.GetValue<string>());
        Assert.Equal(2, commits.Single()!["stats"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CommitDiff_Culprit_ShowsRemovedNullCheck()
    {
        var diffs = (await sandbox.GetJsonAsync($"{P}/repository/commits/{sandbox.Server.GroundTruth!.CulpritSha}/diff")).AsArray();
        var diff = Assert.Single(diffs)!;
        Assert.Equal("src/Checkout.Api/Controllers/CheckoutController.cs", diff["new_path"]!.GetValue<string>());
        Assert.Contains("-        var discountPercent = request.Cart.Coupon?.Percent ?? 0m;", diff["diff"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task AnyEndpoint_BadToken_401(string token)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };
        if (token.Length > 0)
        {
            http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
        }

        using var response = await http.GetAsync(new Uri(P + "/issues", UriKind.Relative));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("401 Unauthorized", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListCommits_Paged_NextLinkWithoutTotal()
    {
        using var response = await sandbox.Http.GetAsync(new Uri(P + "/repository/commits?per_page=5", UriKind.Relative));
        Assert.Equal("2", response.Headers.GetValues("x-next-page").Single());
        Assert.Equal("1", response.Headers.GetValues("x-page").Single());
        Assert.Equal("5", response.Headers.GetValues("x-per-page").Single());
        Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("x-total"));

        var next = response.Headers.GetValues("Link").Single().Split(", ").First(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal));
        var url = next[1..next.IndexOf('>', StringComparison.Ordinal)];
        var page2 = JsonNode.Parse(await sandbox.Http.GetStringAsync(new Uri(url)))!.AsArray();
        Assert.Equal(5, page2.Count);
    }

    [Fact]
    public async Task ListPipelines_Paged_HasTotals()
    {
        using var response = await sandbox.Http.GetAsync(new Uri(P + "/pipelines?per_page=2", UriKind.Relative));
        var total = int.Parse(response.Headers.GetValues("x-total").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 2);
        Assert.Equal("2", response.Headers.GetValues("x-next-page").Single());
    }

    [Fact]
    public async Task CreateCommit_NewBranchWithoutStart_400AsGitLab()
    {
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", new
        {
            branch = "orphan-attempt",
            commit_message = "No start given",
            actions = new[] { new { action = "create", file_path = "orphan.md", content = "x" } },
        });

        Assert.Equal(400, status);
        Assert.Equal("You can only create or edit files when you are on a branch", body!["message"]!.GetValue<string>());
        using var branch = await sandbox.Http.GetAsync(new Uri(P + "/repository/branches/orphan-attempt", UriKind.Relative));
        Assert.Equal(404, (int)branch.StatusCode);
    }

    [Fact]
    public async Task CreateCommit_ExistingBranchFromOtherStart_400AsGitLab()
    {
        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = "restart-attempt", @ref = "main~3" });
        var before = (await sandbox.GetJsonAsync(P + "/repository/commits/restart-attempt"))["id"]!.GetValue<string>();

        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", new
        {
            branch = "restart-attempt",
            start_branch = "main",
            commit_message = "Restart from main",
            actions = new[] { new { action = "create", file_path = "restart.md", content = "x" } },
        });

        Assert.Equal(400, status);
        Assert.Equal("A branch called 'restart-attempt' already exists. Switch to that branch in order to make changes", body!["message"]!.GetValue<string>());
        Assert.Equal(before, (await sandbox.GetJsonAsync(P + "/repository/commits/restart-attempt"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateCommit_StaleLastCommitId_400AndFreshOneCommits()
    {
        var truth = sandbox.Server.GroundTruth!;
        var culpritParent = (await sandbox.GetJsonAsync($"{P}/repository/commits/{truth.CulpritSha}"))["parent_ids"]![0]!.GetValue<string>();
        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = "stale-edit", @ref = "main" });
        object Edit(string lastCommitId) => new
        {
            branch = "stale-edit",
            commit_message = "Edit the controller",
            actions = new[] { new { action = "update", file_path = truth.CulpritFile, content = "// edited\n", last_commit_id = lastCommitId } },
        };

        var (staleStatus, stale) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", Edit(culpritParent));
        var (freshStatus, _) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", Edit(truth.CulpritSha!));

        Assert.Equal(400, staleStatus);
        Assert.Equal($"The file has changed since you started editing it: {truth.CulpritFile}", stale!["message"]!.GetValue<string>());
        Assert.Equal(201, freshStatus);
    }
}
