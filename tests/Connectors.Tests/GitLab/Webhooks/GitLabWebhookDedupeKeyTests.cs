using Microsoft.AspNetCore.Http;
using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Connectors.Tests.GitLab.Webhooks;

public sealed class GitLabWebhookDedupeKeyTests
{
    [Fact]
    public void From_IdempotencyKeyPresent_UsesItEvenWithEventUuid()
    {
        var key = GitLabWebhookDedupeKey.From(new GitLabWebhookHeaders { IdempotencyKey = "k-1", EventUuid = "e-1", WebhookUuid = "w-1" })!;

        Assert.Equal("k-1", key.Value);
        Assert.Equal(GitLabDedupeKeySource.IdempotencyKey, key.Source);
        Assert.Null(key.Note);
    }

    [Fact]
    public void From_OnlyEventUuid_FallsBackAndSaysSo()
    {
        var key = GitLabWebhookDedupeKey.From(new GitLabWebhookHeaders { EventUuid = "e-1", WebhookUuid = "w-1" })!;

        Assert.Equal("e-1", key.Value);
        Assert.Equal(GitLabDedupeKeySource.EventUuid, key.Source);
        Assert.Contains("Idempotency-Key", key.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void From_OnlyWebhookUuid_HasNoKey() =>
        Assert.Null(GitLabWebhookDedupeKey.From(new GitLabWebhookHeaders { WebhookUuid = "w-1" }));

    [Fact]
    public void Headers_FromRequestHeaders_ReadCaseInsensitivelyAndDropBlanks()
    {
        var headers = GitLabWebhookHeaders.From(new HeaderDictionary
        {
            ["x-gitlab-event"] = "Note Hook",
            ["X-GITLAB-TOKEN"] = "tok",
            ["idempotency-key"] = "  ",
            ["X-Gitlab-Event-UUID"] = "e-2",
        });

        Assert.Equal("Note Hook", headers.Event);
        Assert.Equal("tok", headers.Token);
        Assert.Null(headers.IdempotencyKey);
        Assert.Equal(new GitLabWebhookDedupeKey("e-2", GitLabDedupeKeySource.EventUuid), GitLabWebhookDedupeKey.From(headers));
    }
}
