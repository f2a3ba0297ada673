using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Connectors.Tests.GitLab.Webhooks;

public sealed class GitLabWebhookHeadersTests
{
    [Fact]
    public void ToString_WithToken_RedactsTheTokenButKeepsTheRest()
    {
        var headers = GitLabWebhookHeaders.From(name => name switch
        {
            GitLabWebhookHeaders.TokenHeader => "s3cret-hook-token",
            GitLabWebhookHeaders.EventHeader => "Issue Hook",
            GitLabWebhookHeaders.EventUuidHeader => "uuid-1",
            _ => null,
        });

        var text = headers.ToString();

        Assert.DoesNotContain("s3cret-hook-token", text, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", text, StringComparison.Ordinal);
        Assert.Contains("Issue Hook", text, StringComparison.Ordinal);
        Assert.Contains("uuid-1", text, StringComparison.Ordinal);
    }
}
