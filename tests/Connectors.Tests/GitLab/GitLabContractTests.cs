using System.Text.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

/// <summary>Every response model reads its documentation example with every required member present.</summary>
public sealed class GitLabContractTests
{
    // fixture → the model the client reads it into. Error bodies are covered by GitLabErrorBodyTests and the
    // cherry-pick tests; the commit-create request is checked by serialisation below.
    public static readonly TheoryData<string, Type> ResponseFixtures = new()
    {
        { "api-branch-create.json", typeof(GitLabBranch) },
        { "api-branches-list.json", typeof(List<GitLabBranch>) },
        { "api-commit-cherry-pick.json", typeof(GitLabCommit) },
        { "api-commit-create.json", typeof(GitLabCommit) },
        { "api-commit-dry-run-success.json", typeof(GitLabDryRunResponse) },
        { "api-commit-revert.json", typeof(GitLabCommit) },
        { "api-commit.json", typeof(GitLabCommit) },
        { "api-commits-list.json", typeof(List<GitLabCommit>) },
        { "api-compare.json", typeof(GitLabCompareResult) },
        { "api-deployments-list.json", typeof(List<GitLabDeployment>) },
        { "api-environment-get.json", typeof(GitLabEnvironment) },
        { "api-environments-list.json", typeof(List<GitLabEnvironment>) },
        { "api-feature-flag-update.json", typeof(GitLabFeatureFlag) },
        { "api-feature-flags-list.json", typeof(List<GitLabFeatureFlag>) },
        { "api-issue-note-create.json", typeof(GitLabNote) },
        { "api-jobs-list.json", typeof(List<GitLabJob>) },
        { "api-merge-request-create.json", typeof(GitLabMergeRequest) },
        { "api-pipeline-create.json", typeof(GitLabPipeline) },
        { "api-pipeline-get.json", typeof(GitLabPipeline) },
        { "api-pipelines-list.json", typeof(List<GitLabPipeline>) },
        { "api-repository-file.json", typeof(GitLabRepositoryFile) },
        { "api-wiki-create.json", typeof(GitLabWikiPage) },
    };

    private static readonly HashSet<string> CoveredElsewhere =
    [
        "api-commit-cherry-pick-error.json",
        "api-commit-revert-error.json",
        "api-commit-create-request.json",
        "api-error-400-missing-attribute.json",
        "api-error-400-validation.json",
    ];

    [Theory]
    [MemberData(nameof(ResponseFixtures))]
    public void Deserialize_DocumentationExample_ReadsEveryRequiredMember(string fixture, Type model)
    {
        var value = JsonSerializer.Deserialize(GitLabFixtures.Read(fixture), model, GitLabJson.Options);

        Assert.NotNull(value);
        if (value is System.Collections.ICollection list)
        {
            Assert.NotEmpty(list);
        }
    }

    [Fact]
    public void ResponseFixtures_CoverEveryApiExampleInTheFolder()
    {
        var mapped = ResponseFixtures.Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(GitLabFixtures.Path(""), "api-*.json").Select(Path.GetFileName).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(mapped.Contains(f!) || CoveredElsewhere.Contains(f!), $"{f} has no contract test"));
    }

    [Fact]
    public void Deserialize_CommitWithoutId_ThrowsNamingTheMissingMember()
    {
        var node = JsonNode.Parse(GitLabFixtures.Read("api-commit.json"))!.AsObject();
        node.Remove("id");

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<GitLabCommit>(node.ToJsonString(), GitLabJson.Options));

        Assert.Contains("id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RequiredMemberNull_Throws()
    {
        var node = JsonNode.Parse(GitLabFixtures.Read("api-pipeline-get.json"))!.AsObject();
        node["status"] = null;

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<GitLabPipeline>(node.ToJsonString(), GitLabJson.Options));
    }

    [Fact]
    public void Serialize_CommitRequest_MatchesDocumentedPayload()
    {
        var fixture = GitLabFixtures.Read("api-commit-create-request.json");
        var request = JsonSerializer.Deserialize<GitLabCommitRequest>(fixture, GitLabJson.Options)!;

        var written = JsonSerializer.Serialize(request, GitLabJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fixture), JsonNode.Parse(written)), written);
        Assert.Equal(5, request.Actions.Count);
        Assert.Equal("foo/bar4", request.Actions[2].PreviousPath);
        Assert.True(request.Actions[4].ExecuteFilemode);
    }
}
