using System.Data.Common;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>Reading every row of a command into a list, for both task hub stores.</summary>
internal static class DbRows
{
    public static async Task<List<T>> ListAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(r));
        }

        return rows;
    }

    /// <summary>Parses a history or inbox payload in column 0.</summary>
    public static HistoryEvent Event(DbDataReader r) => HistoryEvent.FromJson(r.GetString(0));

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// An Instances row read in both stores' column order: id, execution, name, status, created, updated (UTC ticks),
    /// input, output, custom status, failure (JSON), row id.
    /// </summary>
    public static InstanceRecord Instance(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), (Client.OrchestrationRuntimeStatus)r.GetInt32(3),
            new DateTime(r.GetInt64(4), DateTimeKind.Utc), new DateTime(r.GetInt64(5), DateTimeKind.Utc))
        {
            Input = NullableString(r, 6),
            Output = NullableString(r, 7),
            CustomStatus = NullableString(r, 8),
            Failure = NullableString(r, 9) is { } failure ? System.Text.Json.JsonSerializer.Deserialize<TaskFailureDetails>(failure) : null,
            RowId = r.GetInt64(10),
        };

    /// <summary>A failure as the Failure column stores it.</summary>
    public static string? FailureJson(TaskFailureDetails? failure) =>
        failure is null ? null : System.Text.Json.JsonSerializer.Serialize(failure);
}
