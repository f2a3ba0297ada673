using Microsoft.DurableTask;

namespace RagnarokOps.Orchestrations.Environments;

/// <summary>Retries of environment activities: GitLab reads are cheap to repeat; writes find their earlier result by marker or branch.</summary>
internal static class EnvironmentRetries
{
    public static readonly TaskOptions Read = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public static readonly TaskOptions Write = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));
}
