namespace RagnarokOps.DurableTask.Postgres;

/// <summary>Settings of the PostgreSQL task hub, which several workers on several machines can share.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>Gets or sets the Npgsql connection string (Host=…;Database=…;Username=…).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the schema that holds this task hub's tables; created with them on first use.</summary>
    public string Schema { get; set; } = "durabletask";

    /// <summary>
    /// Whether <paramref name="schema"/> can name the task hub's schema: a plain lower-case identifier (letters, digits
    /// and _, starting with a letter or _), since it goes into SQL text, where it cannot be a parameter.
    /// </summary>
    public static bool IsValidSchema(string schema) =>
        System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]{0,62}$");
}
