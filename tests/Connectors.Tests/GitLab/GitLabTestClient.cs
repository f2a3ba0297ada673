using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Http;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.GitLab;

internal static class GitLabTestClient
{
    public const string Token = "glpat-TopSecret-1234567890";
    public const string BaseUrl = "https://gitlab.test";

    /// <summary>A client straight over the scripted server (no retries).</summary>
    public static GitLabClient Create(FakeHttpMessageHandler server, string baseUrl = BaseUrl) =>
        new(new HttpClient(server), Options.Create(new GitLabOptions { BaseUrl = baseUrl, Token = Token }), NullLogger<GitLabClient>.Instance);

    /// <summary>A client behind the retrying handler, with an instant clock.</summary>
    public static GitLabClient CreateResilient(FakeHttpMessageHandler server, TimeProvider time, int maxRetryAttempts = 3)
    {
        var options = new GitLabOptions { BaseUrl = BaseUrl, Token = Token, MaxRetryAttempts = maxRetryAttempts, AttemptTimeout = Timeout.InfiniteTimeSpan };
        var pipeline = HttpResiliencePipelines.Create(options.ToResilienceOptions(), time, NullLogger.Instance);
        var http = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = server });
        return new GitLabClient(http, Options.Create(options), NullLogger<GitLabClient>.Instance);
    }
}
