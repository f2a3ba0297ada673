using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

/// <summary>The quirks of the documentation examples read into the values a caller expects.</summary>
public sealed class GitLabModelTests
{
    [Fact]
    public void MergeRequest_ChangesCountAsString_ReadsAsNumber()
    {
        var mr = GitLabFixtures.Deserialize<GitLabMergeRequest>("api-merge-request-create.json");

        Assert.Equal(1, mr.ChangesCount);
        Assert.Equal("test1", mr.SourceBranch);
        Assert.False(mr.Draft);
        Assert.Equal(["Community contribution", "Manage"], mr.Labels);
        Assert.Equal(29626725, mr.Pipeline!.Id);
    }

    [Fact]
    public void Commit_IsoTimestampWithOffset_KeepsTheInstant()
    {
        var commit = GitLabFixtures.Deserialize<GitLabCommit>("api-commit.json");

        Assert.Equal(new DateTimeOffset(2021, 9, 20, 6, 6, 12, 300, TimeSpan.Zero), commit.CommittedDate!.Value.ToUniversalTime());
        Assert.Equal(25, commit.Stats!.Total);
        Assert.Equal(8, commit.LastPipeline!.Id);
        Assert.Equal("6104942438c14ec7bd21c6cd5bd995272b3faff6", commit.Id);
    }

    [Fact]
    public void CommitsList_ExtendedTrailers_ReadAsLists()
    {
        var commits = GitLabFixtures.Deserialize<List<GitLabCommit>>("api-commits-list.json");

        Assert.Equal(2, commits.Count);
        Assert.Equal(["John Doe <johndoe@gitlab.com>", "Jane Doe <janedoe@gitlab.com>"], commits[1].ExtendedTrailers!["Cc"]);
    }

    [Fact]
    public void Pipeline_IntegerAndFloatDurations_ReadAsSeconds()
    {
        var get = GitLabFixtures.Deserialize<GitLabPipeline>("api-pipeline-get.json");
        var created = GitLabFixtures.Deserialize<GitLabPipeline>("api-pipeline-create.json");

        Assert.Equal(34, get.Duration);
        Assert.Equal(0.010, created.QueuedDuration);
        Assert.Null(created.Duration);
    }

    [Fact]
    public void Jobs_FailureReasonAndPipeline_AreRead()
    {
        var jobs = GitLabFixtures.Deserialize<List<GitLabJob>>("api-jobs-list.json");

        Assert.Equal(["stuck_or_timeout_failure", "script_failure"], jobs.Select(j => j.FailureReason));
        Assert.All(jobs, j => Assert.Equal(6, j.Pipeline!.Id));
        Assert.Equal("0ff3ae198f8601a285adcf5c0fff204ee6fba5fd", jobs[0].Commit!.Id);
    }

    [Fact]
    public void Deployments_EnvironmentAndDeployableCommit_AreRead()
    {
        var deployments = GitLabFixtures.Deserialize<List<GitLabDeployment>>("api-deployments-list.json");

        Assert.Equal([41L, 42L], deployments.Select(d => d.Id));
        Assert.All(deployments, d => Assert.Equal("production", d.Environment!.Name));
        Assert.Equal(deployments[0].Sha, deployments[0].Deployable!.Commit!.Id);
    }

    [Fact]
    public void Environment_LastDeployment_IsRead()
    {
        var environment = GitLabFixtures.Deserialize<GitLabEnvironment>("api-environment-get.json");

        Assert.Equal("416d8ea11849050d3d1f5104cf8cf51053e790ab", environment.LastDeployment!.Sha);
        Assert.Equal("development", environment.Tier);
    }

    [Fact]
    public void FeatureFlag_StrategiesAndScopes_AreRead()
    {
        var flags = GitLabFixtures.Deserialize<List<GitLabFeatureFlag>>("api-feature-flags-list.json");

        Assert.Equal(["merge_train", "new_live_trace", "user_list"], flags.Select(f => f.Name));
        Assert.Equal("production", flags[0].Strategies[0].Scopes[0].EnvironmentScope);
        Assert.Equal("user1,user2,user3", flags[2].Strategies[0].UserList!.UserXids);
    }

    [Fact]
    public void RepositoryFile_DecodeContent_DecodesBase64()
    {
        var file = GitLabFixtures.Deserialize<GitLabRepositoryFile>("api-repository-file.json") with
        {
            Content = Convert.ToBase64String("hello\n"u8.ToArray()),
        };

        Assert.Equal("hello\n", file.DecodeContent());
        Assert.Equal("570e7b2abdd848b95f2f578043fc23bd6f6fd24d", file.LastCommitId);
    }

    [Fact]
    public void Note_FromDocumentation_IsAnIssueNote()
    {
        var note = GitLabFixtures.Deserialize<GitLabNote>("api-issue-note-create.json");

        Assert.Equal("Issue", note.NoteableType);
        Assert.True(note.System);
        Assert.Equal("pipin", note.Author!.Username);
    }
}
