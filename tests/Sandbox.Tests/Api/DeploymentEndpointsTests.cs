using System.Text.Json.Nodes;

namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Deployment filters behave as GitLab's DeploymentsFinder does, refusals included.</summary>
public sealed class DeploymentEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("updated_after")]
    [InlineData("updated_before")]
    public async Task ListDeployments_UpdatedFilterWithoutUpdatedAtOrder_400AsGitLab(string filter)
    {
        var at = Uri.EscapeDataString(sandbox.Server.GroundTruth!.Anchor.ToString("O"));

        using var response = await sandbox.Http.GetAsync(new Uri($"{sandbox.Project}/deployments?{filter}={at}&order_by=id", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("400 Bad request - `updated_at` filter requires `updated_at` sort", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListDeployments_UpdatedAtOrderWithoutFilter_Allowed()
    {
        var list = (await sandbox.GetJsonAsync($"{sandbox.Project}/deployments?order_by=updated_at&sort=desc")).AsArray();

        Assert.Equal(sandbox.Server.GroundTruth!.DeploymentId, list[0]!["id"]!.GetValue<long>());
    }
}
