using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Repro;

/// <summary>Finds the failing request in the gathered evidence when the escalation does not spell it out.</summary>
public static class FailingRequests
{
    /// <summary>
    /// The logged request that best shows the failure: a server error first, then one carrying the top
    /// exception, then the earliest. Null when no sample names a method and path. Logs hold no headers or
    /// body, so those stay empty; <paramref name="expectedStatus"/> is what a healthy service answers.
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
            .ThenBy(s => s.Timestamp)
            .FirstOrDefault();
        if (sample is null)
        {
            return null;
        }

        var error = sample.ExceptionType is null ? sample.Message : $"{sample.ExceptionType}: {sample.Message}";
        return new FailingRequest(sample.RequestMethod!, sample.RequestPath!, [], null, expectedStatus, sample.StatusCode, error);
    }
}
