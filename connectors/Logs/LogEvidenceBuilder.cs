using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Logs;

/// <summary>
/// Folds records, one at a time and in any order, into <see cref="LogEvidence"/>: errors per minute,
/// exception types ranked by count, and the first record of each kind as a sample. Memory grows with the
/// number of minutes and distinct exceptions, not with the number of lines.
/// </summary>
internal sealed class LogEvidenceBuilder(LogQuery query, string source)
{
    private readonly Dictionary<DateTimeOffset, (int Errors, int Total)> _minutes = [];
    private readonly Dictionary<(string Type, string Message), (int Count, DateTimeOffset First, DateTimeOffset Last)> _exceptions = [];
    private readonly Dictionary<string, LogRecord> _firstOfKind = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    public int Accepted { get; private set; }

    public void Warn(string warning) => _warnings.Add(warning);

    /// <summary>Counts the record if it is in the window and belongs to the service; returns whether it did.</summary>
    public bool Add(LogRecord record)
    {
        if (!query.Window.Contains(record.Timestamp)
            || (record.Service is not null && !string.Equals(record.Service, query.Service, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(record.Service, query.Role, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        Accepted++;
        var minute = ErrorSeries.FloorToMinute(record.Timestamp);
        var (errors, total) = _minutes.GetValueOrDefault(minute);
        _minutes[minute] = (errors + (record.IsError ? 1 : 0), total + 1);

        if (record.ExceptionType is { } type)
        {
            var key = (type, record.ExceptionMessage ?? record.Message);
            _exceptions[key] = _exceptions.TryGetValue(key, out var seen)
                ? (seen.Count + 1, Min(seen.First, record.Timestamp), Max(seen.Last, record.Timestamp))
                : (1, record.Timestamp, record.Timestamp);
        }

        if (record.IsError)
        {
            var kind = record.ExceptionType ?? $"{record.StatusCode}:{record.Message}";
            if (!_firstOfKind.TryGetValue(kind, out var first) || record.Timestamp < first.Timestamp)
            {
                _firstOfKind[kind] = record;
            }
        }

        return true;
    }

    public LogEvidence Build()
    {
        var top = _exceptions
            .OrderByDescending(e => e.Value.Count).ThenBy(e => e.Value.First).ThenBy(e => e.Key.Type, StringComparer.Ordinal)
            .Take(query.MaxExceptions)
            .Select(e => new ExceptionSummary(e.Key.Type, e.Key.Message, e.Value.Count, e.Value.First, e.Value.Last))
            .ToList();

        // Exceptions first (they carry stacks), then other errors; earliest first within each.
        var samples = _firstOfKind.Values
            .OrderBy(r => r.ExceptionType is null).ThenBy(r => r.Timestamp)
            .Take(query.MaxSamples)
            .Select(r => new LogSample(r.Timestamp, r.Level, r.Message, r.ExceptionType, r.StackFrames, r.RequestMethod, r.RequestPath, r.StatusCode, r.RequestId, r.RequestBody))
            .ToList();

        return new LogEvidence(query.Service, source, query.Window, ErrorSeries.Build(query.Window, _minutes), top, samples, _warnings.ToList());
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
