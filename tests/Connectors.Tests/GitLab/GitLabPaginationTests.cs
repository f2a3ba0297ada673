using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class GitLabPaginationTests
{
    private static readonly Uri Current = new("https://gitlab.test/api/v4/projects/5/jobs?per_page=100");

    [Fact]
    public void FindNext_KeysetLinkAmongOthers_ReturnsNext() =>
        Assert.Equal(
            "https://gitlab.test/api/v4/projects/5/jobs?cursor=eyJpZCI6IjQyIn0&pagination=keyset",
            GitLabPagination.FindNext("<https://gitlab.test/api/v4/projects/5/jobs?page=1>; rel=\"first\", <https://gitlab.test/api/v4/projects/5/jobs?cursor=eyJpZCI6IjQyIn0&pagination=keyset>; rel=\"next\""));

    [Fact]
    public void FindNext_NoNext_ReturnsNull() =>
        Assert.Null(GitLabPagination.FindNext("<https://gitlab.test/x?page=1>; rel=\"first\", <https://gitlab.test/x?page=3>; rel=\"last\""));

    [Fact]
    public void NextPage_LinkPreferredOverXNextPage()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://gitlab.test/api/v4/projects/5/jobs?page=9>; rel=\"next\"");
        response.Headers.TryAddWithoutValidation("X-Next-Page", "2");

        Assert.Equal(new Uri("https://gitlab.test/api/v4/projects/5/jobs?page=9"), GitLabPagination.NextPage(response, Current));
    }

    [Fact]
    public void NextPage_OnlyXNextPage_SetsPageParameter()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-Next-Page", "3");

        Assert.Equal(new Uri("https://gitlab.test/api/v4/projects/5/jobs?per_page=100&page=3"), GitLabPagination.NextPage(response, Current));
    }

    [Fact]
    public void NextPage_NoHeaders_ReturnsNull()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(GitLabPagination.NextPage(response, Current));
    }

    [Fact]
    public void WithQueryValue_ReplacesExistingPage() =>
        Assert.Equal(
            new Uri("https://gitlab.test/x?per_page=100&page=4"),
            GitLabPagination.WithQueryValue(new Uri("https://gitlab.test/x?page=3&per_page=100"), "page", "4"));
}
