using Azure;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>Recognises "no response at all" from Azure.Core: status 0, alone or wrapped once per try after retries.</summary>
internal static class Transport
{
    public static bool IsConnectionFailure(Exception exception, out string reason)
    {
        var last = exception switch
        {
            RequestFailedException { Status: 0 } single => single,
            AggregateException { InnerExceptions.Count: > 0 } all when all.InnerExceptions.All(i => i is RequestFailedException { Status: 0 }) => all.InnerExceptions[^1],
            _ => null,
        };
        reason = last is null ? string.Empty : last.InnerException?.Message ?? last.Message;
        return last is not null;
    }
}
