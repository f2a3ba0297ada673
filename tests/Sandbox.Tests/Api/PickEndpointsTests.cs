namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Cherry-pick and revert through real git: success, dry_run, and the conflict and empty failures.</summary>
public sealed class PickEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    private string Culprit => sandbox.Server.GroundTruth!.CulpritSha!;

    private async Task BranchAsync(string name, string at) =>
        Assert.Equal(201, (await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = name, @ref = at })).Status);

    [Fact]
    public async Task Revert_Culprit_CommitsThenSecondRevertIsEmpty()
    {
        await BranchAsync("revert-test", "main");
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/repository/commits/{Culprit}/revert", new { branch = "revert-test" });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-commit-revert.json", body);
        Assert.StartsWith("Revert \"Simplify discount calculation", body!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var file = await sandbox.Http.GetStringAsync(new Uri($"{P}/repository/files/src%2FCheckout.Api%2FControllers%2FCheckoutController.cs/raw?ref=revert-test", UriKind.Relative));
        Assert.Contains("Coupon?.Percent ?? 0m", file, StringComparison.Ordinal);

        var (again, error) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/repository/commits/{Culprit}/revert", new { branch = "revert-test" });
        Assert.Equal(400, again);
        FixtureKeys.AssertContainsAll("api-commit-revert-error.json", error);
        Assert.Equal("empty", error!["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revert_DryRun_ReportsSuccessAndLeavesBranch()
    {
        var before = (await sandbox.GetJsonAsync(P + "/repository/branches/main"))["commit"]!["id"]!.GetValue<string>();
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/repository/commits/{Culprit}/revert", new { branch = "main", dry_run = true });
        Assert.Equal(200, status);
        FixtureKeys.AssertContainsAll("api-commit-dry-run-success.json", body);
        Assert.Equal(before, (await sandbox.GetJsonAsync(P + "/repository/branches/main"))["commit"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revert_LineChangedSince_Conflict()
    {
        await BranchAsync("conflict-test", "main");
        var controller = await sandbox.Http.GetStringAsync(new Uri($"{P}/repository/files/src%2FCheckout.Api%2FControllers%2FCheckoutController.cs/raw?ref=main", UriKind.Relative));
        var changed = controller.Replace("request.Cart.Coupon!.Percent", "request.Cart.Coupon!.Percent * 1m", StringComparison.Ordinal);
        var (committed, _) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", new
        {
            branch = "conflict-test",
            commit_message = "Touch the discount line",
            actions = new[] { new { action = "update", file_path = "src/Checkout.Api/Controllers/CheckoutController.cs", content = changed } },
        });
        Assert.Equal(201, committed);
        var (status, error) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/repository/commits/{Culprit}/revert", new { branch = "conflict-test" });
        Assert.Equal(400, status);
        Assert.Equal("conflict", error!["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task CherryPick_OntoOlderBranch_CommitsThenRepeatIsEmpty()
    {
        await BranchAsync("pick-test", "main~2");
        var head = (await sandbox.GetJsonAsync(P + "/repository/commits/main"))["id"]!.GetValue<string>();
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/repository/commits/{head}/cherry_pick", new { branch = "pick-test" });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-commit-cherry-pick.json", body);
        Assert.Contains($"(cherry picked from commit {head})", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var (again, error) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/repository/commits/{head}/cherry_pick", new { branch = "pick-test" });
        Assert.Equal(400, again);
        FixtureKeys.AssertContainsAll("api-commit-cherry-pick-error.json", error);
        Assert.Equal("empty", error!["error_code"]!.GetValue<string>());
    }
}
