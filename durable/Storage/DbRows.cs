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
}
