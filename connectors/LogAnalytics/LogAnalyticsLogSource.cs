using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.Logs;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// Logs from a Log Analytics workspace: three queries (errors per minute, top exceptions, samples) mapped
/// into <see cref="LogEvidence"/>. If the errors-per-minute query fails the logs are missing, with the
/// service's reason; a failed ranking or sample query only adds a warning.
/// </summary>
internal sealed class LogAnalyticsLogSource(LogAnalyticsClient client, IOptions<LogAnalyticsOptions> options, ILogger<LogAnalyticsLogSource> logger) : ILogSource
{
    public const string SourceName = "log-analytics";

    public string Name => SourceName;

    public async Task<LogSourceResult> GatherAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var workspace = options.Value.WorkspaceId ?? string.Empty;
        var window = query.Window;
        var warnings = new List<string>();
        LogsQueryResult perMinute;
        try
        {
            perMinute = await RunAsync("errors-per-minute", query, EvidenceQueries.ErrorsPerMinute(query.Role, window), cancellationToken);
        }
        catch (LogAnalyticsException e)
        {
            Log.QueryFailed(logger, query.Service, e.Message);
            return LogSourceResult.Missing($"no logs: {e.Message} (workspace {workspace})");
        }

        warnings.AddRange(perMinute.Warnings);
        var top = await TryRunAsync("top-exceptions", query, EvidenceQueries.TopExceptions(query.Role, window, query.MaxExceptions), warnings, cancellationToken);
        var samples = await TryRunAsync("samples", query, EvidenceQueries.Samples(query.Role, window, query.MaxSamples), warnings, cancellationToken);

        try
        {
            return LogSourceResult.Of(new LogEvidence(
                query.Service,
                SourceName,
                window,
                ErrorSeries.Build(window, Minutes(perMinute.PrimaryTable)),
                top?.PrimaryTable.Rows.Select(ToSummary).ToList() ?? [],
                samples?.PrimaryTable.Rows.Select(SampleRows.ToSample).ToList() ?? [],
                warnings));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or InvalidOperationException)
        {
            // A workspace answering in a shape our queries do not produce (a column renamed, a type changed).
            Log.QueryFailed(logger, query.Service, e.Message);
            return LogSourceResult.Missing($"no logs: Log Analytics answered in an unexpected shape ({e.Message}) (workspace {workspace})");
        }
    }

    private static Dictionary<DateTimeOffset, (int Errors, int Total)> Minutes(LogsTable table)
    {
        var minutes = new Dictionary<DateTimeOffset, (int Errors, int Total)>();
        foreach (var row in table.Rows)
        {
            if (row.GetDateTimeOffset("Minute") is not { } at)
            {
                continue;
            }

            var minute = ErrorSeries.FloorToMinute(at);
            var (errors, total) = minutes.GetValueOrDefault(minute);
            minutes[minute] = (errors + (int)(row.GetInt64("Errors") ?? 0), total + (int)(row.GetInt64("Total") ?? 0));
        }

        return minutes;
    }

    private async Task<LogsQueryResult> RunAsync(string purpose, LogQuery query, string kql, CancellationToken cancellationToken)
    {
        var workspace = options.Value.WorkspaceId ?? throw new InvalidOperationException("LogAnalytics:WorkspaceId is not set");
        var result = await client.QueryAsync(workspace, kql, query.Window.From, query.Window.To, cancellationToken);
        Log.Queried(logger, purpose, query.Service, result.PrimaryTable.Rows.Count);
        return result;
    }

    private async Task<LogsQueryResult?> TryRunAsync(string purpose, LogQuery query, string kql, List<string> warnings, CancellationToken cancellationToken)
    {
        try
        {
            var result = await RunAsync(purpose, query, kql, cancellationToken);
            warnings.AddRange(result.Warnings);
            return result;
        }
        catch (LogAnalyticsException e)
        {
            warnings.Add($"{purpose} query failed: {e.Message}");
            return null;
        }
    }

    private static ExceptionSummary ToSummary(LogsRow row) => new(
        row.GetString("Type") ?? "(unknown)",
        row.GetString("Message") ?? string.Empty,
        (int)(row.GetInt64("Count") ?? 0),
        row.GetDateTimeOffset("First") ?? default,
        row.GetDateTimeOffset("Last") ?? default);
}
