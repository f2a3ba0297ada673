using System.Net;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Evidence;

/// <summary>
/// Which GitLab failures are answers rather than accidents: no access (401/403) or no such feature (404) will not
/// change on a retry, so they become missing evidence; anything else is thrown so the orchestrator retries.
/// </summary>
internal static class ExpectedFailures
{
    public static bool IsExpected(GitLabApiException ex) =>
        ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    public static MissingEvidence Missing(string source, GitLabApiException ex) => new(source, ex.StatusCode switch
    {
        HttpStatusCode.NotFound => $"no {source}: GitLab answered 404 Not Found for {ex.Path} (the feature is off or the project has none)",
        _ => $"no {source}: GitLab answered {(int)ex.StatusCode} {ex.StatusCode} for {ex.Path}; the token lacks access",
    });
}
