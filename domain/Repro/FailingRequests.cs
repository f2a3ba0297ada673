using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Repro;

/// <summary>Finds the failing request in the gathered evidence when the escalation does not spell it out.</summary>
public static class FailingRequests
{
    /// <summary>
    /// The logged request that best shows the failure: a server error first, then one carrying the top
    /// exception, then one with its body logged, then the earliest. Null when no sample names a method and path. Logs
    /// hold no headers, so those stay empty but for the body's content type (JSON when it parses as JSON);
    /// <paramref name="expectedStatus"/> is what a healthy service answers.
    /// </summary>
    public static FailingRequest? FromLogs(LogEvidence? logs, int expectedStatus = 200)
    {
        if (logs is null)
        {
            return null;
        }

        var topException = logs.TopExceptions.OrderByDescending(e => e.Count).FirstOrDefault()?.Type;
        var sample = logs.Samples
            .Where(s => !string.IsNullOrWhiteSpace(s.RequestMethod) && !string.IsNullOrWhiteSpace(s.RequestPath))
            .OrderByDescending(s => s.StatusCode >= 500)
            .ThenByDescending(s => topException is not null && s.ExceptionType == topException)
            .ThenByDescending(s => s.RequestBody is not null)
            .ThenBy(s => s.Timestamp)
            .FirstOrDefault();
        if (sample is null)
        {
            return null;
        }

        var error = sample.ExceptionType is null ? sample.Message : $"{sample.ExceptionType}: {sample.Message}";
        IReadOnlyList<KeyValuePair<string, string>> headers = sample.RequestBody is { } body && LooksLikeJson(body)
            ? [new("Content-Type", "application/json")]
            : [];
        return new FailingRequest(sample.RequestMethod!, sample.RequestPath!, headers, sample.RequestBody, expectedStatus, sample.StatusCode, error);
    }

    private static bool LooksLikeJson(string body)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(body);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
