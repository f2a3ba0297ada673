using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>
/// PostgreSQL: connects with the connection string of the setting the target names, counts the server's connections
/// (pg_stat_activity client backends) against <c>max_connections</c>. Results name the host and database, never the
/// connection string or its password.
/// </summary>
internal sealed class PostgresProbe(IConfiguration configuration, TimeProvider time)
{
    public async Task<ProbeResult> RunAsync(ProbeTarget target, CancellationToken cancellationToken)
    {
        var limits = target.Limits;
        var observedAt = time.GetUtcNow();
        var name = target.Connection!;
        var connection = configuration.GetConnectionString(name) is { Length: > 0 } cs ? cs : configuration[name];
        if (string.IsNullOrWhiteSpace(connection))
        {
            return new ProbeResult(target.Name, false, 0, $"no connection string: neither ConnectionStrings:{name} nor {name} is set", observedAt);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connection) { Timeout = limits.TimeoutSeconds, CommandTimeout = limits.TimeoutSeconds, Pooling = false };
        }
        catch (ArgumentException)
        {
            // The message could quote the string; say only which setting is wrong.
            return new ProbeResult(target.Name, false, 0, $"setting {name} is not a PostgreSQL connection string", observedAt);
        }

        var where = $"postgres {builder.Host}:{builder.Port}/{builder.Database}";
        var watch = Stopwatch.StartNew();
        try
        {
            await using var db = new NpgsqlConnection(builder.ConnectionString);
            await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'), current_setting('max_connections')::int", db);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var used = reader.GetInt64(0);
            var max = reader.GetInt32(1);
            var latency = watch.ElapsedMilliseconds;
            var percent = max <= 0 ? 0 : 100.0 * used / max;
            var seen = string.Create(CultureInfo.InvariantCulture, $"{where} answered in {latency} ms, {used} of {max} connections used ({percent:0.#}%)");
            var failures = new List<string>();
            if (percent > limits.MaxConnectionsPercent)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"above {limits.MaxConnectionsPercent:0.##}% of max_connections"));
            }

            if (limits.MaxLatencyMs is { } slow && latency > slow)
            {
                failures.Add($"slower than {slow} ms");
            }

            return new ProbeResult(target.Name, failures.Count == 0, latency, failures.Count == 0 ? seen : $"{seen}: {string.Join("; ", failures)}", observedAt);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return new ProbeResult(target.Name, false, watch.ElapsedMilliseconds, $"{where} unreachable: {Reason(ex)}", observedAt);
        }
    }

    // Npgsql's messages name hosts and SQL states, not passwords; the innermost socket error is the useful part.
    private static string Reason(Exception ex)
    {
        if (ex is PostgresException pg)
        {
            return $"{pg.SqlState} {pg.MessageText}";
        }

        var inner = ex;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        return inner == ex ? ex.Message : $"{ex.Message} ({inner.Message})";
    }
}
