namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Pipeline creation accepts what GitLab accepts: a branch or a tag, never a bare sha.</summary>
public sealed class PipelineEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("no-such-branch")]
    [InlineData("culprit-sha")]
    public async Task CreatePipeline_NotABranchOrTag_400OnBase(string reference)
    {
        var value = reference == "culprit-sha" ? sandbox.Server.GroundTruth!.CulpritSha! : reference;

        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, sandbox.Project + "/pipeline", new { @ref = value });

        Assert.Equal(400, status);
        Assert.Equal("Reference not found", body!["message"]!["base"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task CreatePipeline_Branch_RunsOnItsHead()
    {
        var head = (await sandbox.GetJsonAsync(sandbox.Project + "/repository/commits/staging"))["id"]!.GetValue<string>();

        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, sandbox.Project + "/pipeline", new { @ref = "staging" });

        Assert.Equal(201, status);
        Assert.Equal(head, body!["sha"]!.GetValue<string>());
        Assert.Equal("staging", body["ref"]!.GetValue<string>());
    }
}
