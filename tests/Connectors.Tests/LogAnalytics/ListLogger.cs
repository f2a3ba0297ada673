using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

/// <summary>Keeps formatted log lines with their event ids, to check what the code reported.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(int EventId, LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((eventId.Id, logLevel, formatter(state, exception)));
}
