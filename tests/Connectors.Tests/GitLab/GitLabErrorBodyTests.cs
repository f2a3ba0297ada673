using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class GitLabErrorBodyTests
{
    [Fact]
    public void Parse_MessageString_ReturnsIt() =>
        Assert.Equal("400 (Bad request) \"title\" not given", GitLabErrorBody.Parse(GitLabFixtures.Read("api-error-400-missing-attribute.json"), null).Message);

    [Fact]
    public void Parse_MessageObject_FlattensFields() =>
        Assert.Equal("bio: is too long (maximum is 255 characters)", GitLabErrorBody.Parse(GitLabFixtures.Read("api-error-400-validation.json"), null).Message);

    [Fact]
    public void Parse_MessageArray_JoinsItems() =>
        Assert.Equal("Branch already exists; Name is invalid", GitLabErrorBody.Parse("""{"message":["Branch already exists","Name is invalid"]}""", null).Message);

    [Fact]
    public void Parse_MessageObjectOfSeveralFields_JoinsThem() =>
        Assert.Equal(
            "title: can't be blank; labels: is invalid; too many",
            GitLabErrorBody.Parse("""{"message":{"title":["can't be blank"],"labels":["is invalid","too many"]}}""", null).Message);

    [Fact]
    public void Parse_ErrorField_ReturnsIt() =>
        Assert.Equal("scope is missing", GitLabErrorBody.Parse("""{"error":"scope is missing"}""", null).Message);

    [Fact]
    public void Parse_ErrorCode_IsKept()
    {
        var body = GitLabErrorBody.Parse(GitLabFixtures.Read("api-commit-revert-error.json"), null);

        Assert.Equal("conflict", body.ErrorCode);
        Assert.StartsWith("Sorry, we cannot revert", body.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainText429_ReturnsTrimmedText() =>
        Assert.Equal("Retry later", GitLabErrorBody.Parse("Retry later\n", null).Message);

    [Fact]
    public void Parse_Empty_ReturnsNoMessage() =>
        Assert.Null(GitLabErrorBody.Parse("", null).Message);

    [Fact]
    public void Parse_BodyContainingSecret_RedactsIt() =>
        Assert.Equal("bad token [redacted]", GitLabErrorBody.Parse("bad token s3cr3t", "s3cr3t").Message);

    [Fact]
    public void Parse_HugeHtml_IsTruncated()
    {
        var message = GitLabErrorBody.Parse("<html>" + new string('x', 5000) + "</html>", null).Message!;

        Assert.True(message.Length <= 1001);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
    }
}
