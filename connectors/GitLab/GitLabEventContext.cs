namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// The X-Gitlab-Event-UUID of the webhook being handled. GitLab uses it on our API calls to recognise (and stop)
/// hook loops, so every call made inside <see cref="Begin"/> carries it. Flows with the async context.
/// </summary>
public static class GitLabEventContext
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The event uuid in scope, if any.</summary>
    public static string? EventUuid => Current.Value;

    /// <summary>Marks the calls made until the returned scope is disposed as caused by webhook <paramref name="eventUuid"/>.</summary>
    public static IDisposable Begin(string? eventUuid)
    {
        var previous = Current.Value;
        Current.Value = string.IsNullOrWhiteSpace(eventUuid) ? null : eventUuid.Trim();
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Current.Value = previous;
            }
        }
    }
}
