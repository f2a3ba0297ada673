using System.Text.Json;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>A column of a result table with its Kusto type (string, datetime, long, int, real, bool, guid, timespan, dynamic, decimal).</summary>
internal sealed record LogsColumn(string Name, string Type);

/// <summary>A result table; cells are already converted to CLR values (see <see cref="LogsRow"/>).</summary>
internal sealed record LogsTable(string Name, IReadOnlyList<LogsColumn> Columns, IReadOnlyList<LogsRow> Rows);

/// <summary>The tables of a query, and the partial errors the service reported beside them.</summary>
internal sealed record LogsQueryResult(IReadOnlyList<LogsTable> Tables, IReadOnlyList<string> Warnings)
{
    public LogsTable PrimaryTable => Tables.Count > 0 ? Tables[0] : new LogsTable("PrimaryResult", [], []);
}

/// <summary>
/// One row. Cells hold <c>string</c>, <c>DateTimeOffset</c>, <c>long</c>, <c>int</c>, <c>double</c>, <c>bool</c>,
/// <c>Guid</c>, <c>TimeSpan</c>, <c>decimal</c>, a <see cref="JsonElement"/> for dynamic, or null.
/// </summary>
internal sealed class LogsRow(IReadOnlyDictionary<string, int> ordinals, object?[] values)
{
    public object? this[string column] => ordinals.TryGetValue(column, out var i)
        ? values[i]
        : throw new KeyNotFoundException($"the result has no column '{column}'");

    public object? this[int ordinal] => values[ordinal];

    public int Count => values.Length;

    public bool Has(string column) => ordinals.ContainsKey(column);

    public string? GetString(string column) => this[column] switch
    {
        null => null,
        string s => s,
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public DateTimeOffset? GetDateTimeOffset(string column) => (DateTimeOffset?)this[column];

    public long? GetInt64(string column) => this[column] switch
    {
        null => null,
        int i => i,
        var v => (long)v,
    };

    public double? GetDouble(string column) => this[column] switch
    {
        null => null,
        int i => i,
        long l => l,
        decimal m => (double)m,
        var v => (double)v,
    };

    public bool? GetBoolean(string column) => (bool?)this[column];

    public Guid? GetGuid(string column) => (Guid?)this[column];

    public TimeSpan? GetTimeSpan(string column) => (TimeSpan?)this[column];

    public JsonElement? GetDynamic(string column) => (JsonElement?)this[column];
}
