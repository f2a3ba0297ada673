namespace RagnarokOps.DurableTask.Worker;

internal sealed partial class ReplayContext
{
    private Task<T> WithRetry<T>(Func<Task<T>> action, TaskName name, TaskOptions? options) => options?.Retry switch
    {
        { Policy: { } policy } => RetryWithPolicyAsync(action, policy),
        { Handler: { } handler } => RetryWithHandlerAsync(action, handler),
        _ => action(),
    };

    private async Task<T> RetryWithPolicyAsync<T>(Func<Task<T>> action, RetryPolicy policy)
    {
        var started = _now;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (TaskFailedException ex) when (CanRetry(ex, policy, attempt, started))
            {
                // The wait is a durable timer: a restart resumes it instead of starting over.
                await CreateTimer(_now + policy.GetDelay(attempt), CancellationToken.None);
            }
        }
    }

    private bool CanRetry(TaskFailedException ex, RetryPolicy policy, int attempt, DateTime started)
    {
        if (ex.FailureDetails.IsNonRetriable || attempt >= policy.MaxNumberOfAttempts)
        {
            return false;
        }

        if (policy.HandleFailure is { } handle && !handle(ex.FailureDetails))
        {
            return false;
        }

        return policy.RetryTimeout == Timeout.InfiniteTimeSpan || _now + policy.GetDelay(attempt) - started < policy.RetryTimeout;
    }

    private async Task<T> RetryWithHandlerAsync<T>(Func<Task<T>> action, AsyncRetryHandler handler)
    {
        var started = _now;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (TaskFailedException ex) when (!ex.FailureDetails.IsNonRetriable)
            {
                if (!await handler(new RetryContext(this, attempt, ex.FailureDetails, _now - started, CancellationToken.None)))
                {
                    throw;
                }
            }
        }
    }
}
