namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Issue updates as GitLab's API answers them: labels by title, and no empty updates.</summary>
public sealed class IssueEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    [Fact]
    public async Task CreateAndUpdateIssue_LabelsInAnyOrder_ReturnedSortedByTitle()
    {
        var (_, created) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/issues", new { title = "Sorted labels", labels = "zeta,Alpha,escalation::critical,alpha" });
        var iid = created!["iid"]!.GetValue<long>();

        var (_, updated) = await sandbox.SendJsonAsync(HttpMethod.Put, $"{P}/issues/{iid}", new { add_labels = "beta", remove_labels = "zeta" });

        Assert.Equal(["Alpha", "escalation::critical", "zeta"], created["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["Alpha", "beta", "escalation::critical"], updated!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateIssue_NothingToChange_400WithGrapesError()
    {
        var (_, created) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/issues", new { title = "Empty update", labels = "bug" });

        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Put, $"{P}/issues/{created!["iid"]}", new { });

        Assert.Equal(400, status);
        Assert.EndsWith("are missing, at least one parameter must be provided", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("add_labels", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
