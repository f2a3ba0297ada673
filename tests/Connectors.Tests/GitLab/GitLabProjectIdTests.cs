using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class GitLabProjectIdTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("acme/checkout", "acme%2Fcheckout")]
    [InlineData("/acme/platform/checkout/", "acme%2Fplatform%2Fcheckout")]
    [InlineData("acme/check out", "acme%2Fcheck%20out")]
    public void ImplicitFromString_EncodesForAPathSegment(string given, string segment) =>
        Assert.Equal(segment, ((GitLabProjectId)given).UrlSegment);

    [Fact]
    public void ImplicitFromLong_IsNumeric() => Assert.Equal("7", ((GitLabProjectId)7L).UrlSegment);

    [Fact]
    public void FromId_NotPositive_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => GitLabProjectId.FromId(0));

    [Fact]
    public void FromPath_Blank_Throws() => Assert.Throws<ArgumentException>(() => GitLabProjectId.FromPath(" "));
}
