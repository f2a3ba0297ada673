using RagnarokOps.Connectors.GitLab.Webhooks;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.Tests.Pipelines;

/// <summary>Pipeline Hook bodies in the shape GitLab documents (webhook_events.md, "Pipeline events"): only failed ones start triage.</summary>
public sealed class PipelineWebhookDecisionTests
{
    private static string Body(string status, string mergeRequest = "null") => $$"""
        {"object_kind":"pipeline","object_attributes":{"id":31,"iid":3,"name":"Pipeline for branch: master","ref":"master","tag":false,
         "sha":"bcbb5ec396a2c0f828686f14fac9b80b780504f2","before_sha":"bcbb5ec396a2c0f828686f14fac9b80b780504f2","source":"merge_request_event",
         "status":"{{status}}","stages":["build","test","deploy"],"created_at":"2016-08-12 15:23:28 UTC","finished_at":"2016-08-12 15:26:29 UTC",
         "duration":63,"variables":[{"key":"NESTOR_PROD_ENVIRONMENT","value":"us-west-1"}],"url":"http://example.com/gitlab-org/gitlab-test/-/pipelines/31"},
         "merge_request":{{mergeRequest}},
         "user":{"id":1,"name":"Administrator","username":"root"},
         "project":{"id":1,"name":"Gitlab Test","path_with_namespace":"gitlab-org/gitlab-test","default_branch":"master"},
         "commit":{"id":"bcbb5ec396a2c0f828686f14fac9b80b780504f2","message":"test\n","title":"test","timestamp":"2016-08-12T17:23:21+02:00"},
         "builds":[{"id":380,"stage":"deploy","name":"production","status":"skipped","created_at":"2016-08-12 15:23:28 UTC","when":"manual","manual":true,"allow_failure":false}]}
        """;

    private static WebhookDecision Decide(string body)
    {
        var parsed = GitLabWebhookParser.Parse(new GitLabWebhookHeaders { Event = "Pipeline Hook" }, body);
        Assert.Equal(GitLabWebhookOutcome.Accepted, parsed.Outcome);
        return WebhookDecision.From(parsed.Event!, new WebhookOptions(), null);
    }

    [Fact]
    public void From_FailedPipeline_StartsTriageOncePerPipeline()
    {
        var triage = Assert.IsType<WebhookDecision.PipelineTriage>(Decide(Body("failed")));
        Assert.Equal("pipeline-1-31", triage.Request.InstanceId);
        Assert.Equal("master", triage.Request.Ref);
        Assert.Null(triage.Request.MergeRequestIid);
    }

    [Fact]
    public void From_FailedMergeRequestPipeline_AnswersOnTheMergeRequest()
    {
        var triage = Assert.IsType<WebhookDecision.PipelineTriage>(Decide(Body("failed", """{"id":1,"iid":1,"title":"Test","source_branch":"test","target_branch":"master","state":"opened"}""")));
        Assert.Equal(1, triage.Request.MergeRequestIid);
    }

    [Theory]
    [InlineData("success")]
    [InlineData("running")]
    public void From_OtherStatus_IsIgnoredWithTheReason(string status)
    {
        var ignore = Assert.IsType<WebhookDecision.Ignore>(Decide(Body(status)));
        Assert.Contains($"is {status}", ignore.Reason, StringComparison.Ordinal);
    }
}
