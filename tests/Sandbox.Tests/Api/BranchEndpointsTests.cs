namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Branch search with GitLab's ^prefix and suffix$ forms.</summary>
public sealed class BranchEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("^ragnarok/", new[] { "ragnarok/revert-1", "ragnarok/revert-2" })]
    [InlineData("revert-1$", new[] { "old/revert-1", "ragnarok/revert-1" })]
    [InlineData("^ragnarok/revert-1$", new[] { "ragnarok/revert-1" })]
    [InlineData("revert", new[] { "old/revert-1", "ragnarok/revert-1", "ragnarok/revert-2" })]
    public async Task ListBranches_Search_AnchorsLikeGitLab(string search, string[] expected)
    {
        foreach (var name in new[] { "ragnarok/revert-1", "ragnarok/revert-2", "old/revert-1" })
        {
            await sandbox.SendJsonAsync(HttpMethod.Post, sandbox.Project + "/repository/branches", new { branch = name, @ref = "main" });
        }

        var found = await sandbox.GetJsonAsync($"{sandbox.Project}/repository/branches?search={Uri.EscapeDataString(search)}");

        Assert.Equal(expected, found.AsArray().Select(b => b!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
