using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Connectors.Tests.GitLab.Webhooks;

public sealed class GitLabWebhookParserTests
{
    [Fact]
    public void Parse_IssueHook_ReadsIssueAndLabelChanges()
    {
        var hook = Accept<IssueHook>("Issue Hook", "webhook-issue.json");

        Assert.Equal(23, hook.ObjectAttributes.Iid);
        Assert.Equal("open", hook.ObjectAttributes.Action);
        Assert.Equal("high", hook.ObjectAttributes.Severity);
        Assert.Equal("gitlabhq/gitlab-test", hook.Project.PathWithNamespace);
        Assert.Equal(["Platform"], hook.Changes!.AddedLabels());
        Assert.Equal("API", Assert.Single(hook.Labels).Title);
        Assert.Equal("Issue Hook", hook.EventHeader);
    }

    [Fact]
    public void Parse_ConfidentialIssueHook_IsAnIssueHook() =>
        Assert.Equal(301, Accept<IssueHook>("Confidential Issue Hook", "webhook-issue.json").ObjectAttributes.Id);

    [Fact]
    public void Parse_NoteHook_ReadsNoteWithUtcSuffixTimestamps()
    {
        var hook = Accept<NoteHook>("Note Hook", "webhook-note.json");

        Assert.Equal("Hello world", hook.ObjectAttributes.Note);
        Assert.Equal("Issue", hook.ObjectAttributes.NoteableType);
        Assert.Equal(17, hook.Issue!.Iid);
        Assert.Equal(new DateTimeOffset(2015, 5, 17, 17, 6, 40, TimeSpan.Zero), hook.ObjectAttributes.CreatedAt);
        Assert.True(hook.MayCarryCommand);
        Assert.Null(hook.Command);
    }

    [Fact]
    public void Parse_NoteHookWithCommand_ExposesIt()
    {
        var hook = Accept<NoteHook>("Note Hook", Edit("webhook-note.json", n => n["object_attributes"]!["note"] = "Looks right.\n/ragnarok approve"));

        Assert.Equal(RagnarokCommandKind.Approve, hook.Command!.Kind);
    }

    [Fact]
    public void Parse_EditedNoteWithCommand_IsFlaggedAndHasNoCommand()
    {
        var hook = Accept<NoteHook>("Note Hook", Edit("webhook-note.json", n =>
        {
            n["object_attributes"]!["note"] = "/ragnarok approve";
            n["object_attributes"]!["action"] = "update";
        }));

        Assert.False(hook.MayCarryCommand);
        Assert.Null(hook.Command);
    }

    [Fact]
    public void Parse_SystemNote_IsNeverACommand()
    {
        var hook = Accept<NoteHook>("Note Hook", Edit("webhook-note.json", n =>
        {
            n["object_attributes"]!["note"] = "/ragnarok triage";
            n["object_attributes"]!["system"] = true;
        }));

        Assert.Null(hook.Command);
    }

    [Fact]
    public void Parse_MergeRequestHook_ReadsBranchesAndDraftChange()
    {
        var hook = Accept<MergeRequestHook>("Merge Request Hook", "webhook-merge-request.json");

        Assert.Equal("ms-viewport", hook.ObjectAttributes.SourceBranch);
        Assert.Equal("master", hook.ObjectAttributes.TargetBranch);
        Assert.Equal("da1560886d4f094c3e6c9ef40349f7d38b5d27d7", hook.ObjectAttributes.LastCommit!.Id);
        Assert.False(hook.Changes!.Draft!.Current);
        Assert.True(hook.Changes.Draft.Previous);
    }

    [Fact]
    public void Parse_PipelineHook_ReadsBuildsWithFloatDurations()
    {
        var hook = Accept<PipelineHook>("Pipeline Hook", "webhook-pipeline.json");

        Assert.Equal(31, hook.ObjectAttributes.Id);
        Assert.Equal("success", hook.ObjectAttributes.Status);
        Assert.Equal(5, hook.Builds.Count);
        var failed = Assert.Single(hook.Builds, b => b.Status == "failed");
        Assert.Equal("test-build", failed.Name);
        Assert.Equal(17.0, failed.Duration);
        Assert.Equal("script_failure", failed.FailureReason);
        Assert.Equal("us-west-1", Assert.Single(hook.ObjectAttributes.Variables).Value);
        Assert.Equal(1, hook.MergeRequest!.Iid);
    }

    [Fact]
    public void Parse_JobHook_KeepsPipelineIdAndShaApart()
    {
        var hook = Accept<JobHook>("Job Hook", "webhook-job.json");

        Assert.Equal(1977, hook.BuildId);
        Assert.Equal("script_failure", hook.BuildFailureReason);
        Assert.Equal(2366, hook.Commit!.Id);
        Assert.Equal("2293ada6b400935a1378653304eaf6221e0fdb8f", hook.Commit.Sha);
        Assert.Equal(2366, hook.PipelineId);
        Assert.Equal(380, hook.Project.Id);
    }

    [Fact]
    public void Parse_DeploymentHook_ReadsOffsetTimestampAndShaFromUrl()
    {
        var hook = Accept<DeploymentHook>("Deployment Hook", "webhook-deployment.json");

        Assert.Equal("success", hook.Status);
        Assert.Equal("staging", hook.Environment);
        Assert.Equal(15, hook.DeploymentId);
        Assert.Equal(new DateTimeOffset(2021, 4, 28, 19, 50, 0, TimeSpan.Zero), hook.StatusChangedAt!.Value.ToUniversalTime());
        Assert.Equal("279484c09fbe69ededfced8c1bb6e6d24616b468", hook.CommitSha);
    }

    [Fact]
    public void Parse_FeatureFlagHook_ReadsFlagState()
    {
        var hook = Accept<FeatureFlagHook>("Feature Flag Hook", "webhook-feature-flag.json");

        Assert.Equal("test-feature-flag", hook.ObjectAttributes.Name);
        Assert.True(hook.ObjectAttributes.Active);
    }

    [Theory]
    [InlineData("Push Hook")]
    [InlineData("Tag Push Hook")]
    [InlineData("Wiki Page Hook")]
    [InlineData("Something New Hook")]
    public void Parse_UnhandledKind_IsIgnoredWithReason(string eventHeader)
    {
        var result = GitLabWebhookParser.Parse(Headers(eventHeader), """{"object_kind":"push"}""");

        Assert.Equal(GitLabWebhookOutcome.Ignored, result.Outcome);
        Assert.Null(result.Event);
        Assert.Contains(eventHeader, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnhandledKindWithGarbageBody_IsStillIgnoredNotThrown() =>
        Assert.Equal(GitLabWebhookOutcome.Ignored, GitLabWebhookParser.Parse(Headers("Push Hook"), "not json at all").Outcome);

    [Fact]
    public void Parse_NoEventHeader_IsInvalid()
    {
        var result = GitLabWebhookParser.Parse(new GitLabWebhookHeaders(), GitLabFixtures.Read("webhook-issue.json"));

        Assert.Equal(GitLabWebhookOutcome.Invalid, result.Outcome);
        Assert.Contains("X-Gitlab-Event", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderAndObjectKindDisagree_IsInvalid()
    {
        var result = GitLabWebhookParser.Parse(Headers("Issue Hook"), GitLabFixtures.Read("webhook-note.json"));

        Assert.Equal(GitLabWebhookOutcome.Invalid, result.Outcome);
        Assert.Contains("'note'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("null")]
    public void Parse_MalformedBody_IsInvalid(string body) =>
        Assert.Equal(GitLabWebhookOutcome.Invalid, GitLabWebhookParser.Parse(Headers("Issue Hook"), body).Outcome);

    [Fact]
    public void Parse_MissingRequiredField_IsInvalidNamingIt()
    {
        var body = Edit("webhook-issue.json", n => n["object_attributes"]!.AsObject().Remove("iid"));

        var result = GitLabWebhookParser.Parse(Headers("Issue Hook"), body);

        Assert.Equal(GitLabWebhookOutcome.Invalid, result.Outcome);
        Assert.Equal("The Issue Hook body is not what GitLab sends: object_attributes: missing field(s): iid.", result.Reason);
    }

    [Fact]
    public void Parse_Accepted_CarriesDedupeKeyAndEventUuid()
    {
        var headers = Headers("Issue Hook") with { IdempotencyKey = "idem-1", EventUuid = "event-1" };

        var result = GitLabWebhookParser.Parse(headers, GitLabFixtures.Read("webhook-issue.json"));

        Assert.Equal(new GitLabWebhookDedupeKey("idem-1", GitLabDedupeKeySource.IdempotencyKey), result.DedupeKey);
        Assert.Equal("event-1", result.EventUuid);
    }

    [Fact]
    public void SupportedEvents_ListsTheSevenKindsAndConfidentialVariants() =>
        Assert.Equal(9, GitLabWebhookParser.SupportedEvents.Count);

    private static GitLabWebhookHeaders Headers(string eventHeader) => new() { Event = eventHeader };

    private static T Accept<T>(string eventHeader, string fixtureOrJson)
        where T : GitLabWebhookEvent
    {
        var body = fixtureOrJson.EndsWith(".json", StringComparison.Ordinal) ? GitLabFixtures.Read(fixtureOrJson) : fixtureOrJson;
        var result = GitLabWebhookParser.Parse(Headers(eventHeader), body);

        Assert.True(result.Outcome == GitLabWebhookOutcome.Accepted, result.Reason);
        return Assert.IsType<T>(result.Event);
    }

    private static string Edit(string fixture, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(GitLabFixtures.Read(fixture))!;
        edit(node);
        return node.ToJsonString();
    }
}
