using System.Net;
using Polly.Timeout;

namespace RagnarokOps.Connectors.Http;

/// <summary>
/// Which failed attempts may be sent again. GET, HEAD, OPTIONS, PUT and DELETE are idempotent (RFC 9110 §9.2.2), so a
/// retry after any transient failure is harmless. POST and PATCH are not: a 5xx or a timeout can arrive after the
/// server already acted (GitLab creating a note, then its proxy answering 502), and a retry would post a second note.
/// Those are retried only when the server provably did not act on the request — 429 and 408 are refusals, and a
/// connection that never opened carried nothing — unless the caller marks the request <see cref="RetryNonIdempotent"/>.
/// </summary>
public static class RetrySafety
{
    /// <summary>
    /// Set to true on a POST/PATCH whose repetition is harmless (the endpoint deduplicates, or the call only reads),
    /// to give it the same retries as a GET.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetryNonIdempotent = new("RagnarokOps.Http.RetryNonIdempotent");

    /// <summary>True when the request may be repeated whatever happened to the previous attempt.</summary>
    public static bool IsIdempotent(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return true;
        }

        if (request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch)
        {
            return true;
        }

        return request.Options.TryGetValue(RetryNonIdempotent, out var optIn) && optIn;
    }

    /// <summary>True when the server cannot have acted on the request: it refused it, or no connection was made.</summary>
    public static bool ServerDidNotAct(HttpStatusCode? status, Exception? exception) => exception switch
    {
        // A timeout may fire after the body went out and the server acted on it.
        TimeoutRejectedException => false,
        HttpRequestException { HttpRequestError: var error } => error is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError,
        null => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
