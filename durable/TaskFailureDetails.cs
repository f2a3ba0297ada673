namespace RagnarokOps.DurableTask;

/// <summary>Details of a failed task or orchestration.</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, if any.</param>
/// <param name="InnerFailure">The inner failure, if any.</param>
/// <param name="IsNonRetriable">Whether retry policies must not retry this failure.</param>
public record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null,
    bool IsNonRetriable = false)
{
    /// <summary>Returns whether the failure was caused by an exception of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The exception type.</typeparam>
    /// <returns><c>true</c> when the recorded type is <typeparamref name="T"/> or derives from it.</returns>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        var type = Type.GetType(ErrorType, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(ErrorType, false)).FirstOrDefault(t => t is not null);
        return type is not null && typeof(T).IsAssignableFrom(type);
    }

    /// <summary>Creates failure details from an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The failure details, or <c>null</c> for a null exception.</returns>
    public static TaskFailureDetails? FromException(Exception? exception) => exception switch
    {
        null => null,
        TaskFailedException tfe => new TaskFailureDetails(
            typeof(TaskFailedException).FullName!, tfe.Message, tfe.StackTrace, tfe.FailureDetails),
        _ => new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            FromException(exception.InnerException)),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
