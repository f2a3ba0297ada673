using System.Net;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// A GitLab API call that did not succeed: the status, GitLab's own message (flattened from its string, object or
/// array shapes), its error_code when given, and the request path. Never the token.
/// </summary>
public sealed class GitLabApiException : Exception
{
    public GitLabApiException()
    {
        Method = "";
        Path = "";
    }

    public GitLabApiException(string message)
        : base(message)
    {
        Method = "";
        Path = "";
    }

    public GitLabApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "";
        Path = "";
    }

    internal GitLabApiException(HttpStatusCode statusCode, string method, string path, GitLabErrorBody body)
        : base(Describe(statusCode, method, path, body.Message))
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        GitLabMessage = body.Message;
        ErrorCode = body.ErrorCode;
    }

    public HttpStatusCode StatusCode { get; }

    public string Method { get; }

    /// <summary>Path and query of the request (the token travels in a header, so it is never here).</summary>
    public string Path { get; }

    /// <summary>GitLab's "message" or "error", flattened to one line; null when the body had neither.</summary>
    public string? GitLabMessage { get; }

    /// <summary>GitLab's "error_code" (cherry-pick and revert: "conflict", "empty"), if any.</summary>
    public string? ErrorCode { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    private static string Describe(HttpStatusCode status, string method, string path, string? message) =>
        $"GitLab {method} {path} returned {(int)status} {status}" + (message is null ? "." : $": {message}");
}
