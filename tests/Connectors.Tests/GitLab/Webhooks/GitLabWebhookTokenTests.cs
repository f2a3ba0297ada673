using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Connectors.Tests.GitLab.Webhooks;

public sealed class GitLabWebhookTokenTests
{
    [Fact]
    public void Matches_SameToken_True() => Assert.True(GitLabWebhookToken.Matches("s3cret-ünïcode", "s3cret-ünïcode"));

    [Theory]
    [InlineData("s3cret", "s3creT")]
    [InlineData("s3cre", "s3cret")]
    [InlineData("s3cret-and-more", "s3cret")]
    [InlineData("", "s3cret")]
    [InlineData(null, "s3cret")]
    public void Matches_DifferentOrMissing_False(string? presented, string expected) =>
        Assert.False(GitLabWebhookToken.Matches(presented, expected));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_NoSecretConfigured_RefusesEvenAnEmptyToken(string? expected)
    {
        Assert.False(GitLabWebhookToken.Matches("", expected));
        Assert.False(GitLabWebhookToken.Matches("anything", expected));
    }
}
