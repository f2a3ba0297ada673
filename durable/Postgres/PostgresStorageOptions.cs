namespace RagnarokOps.DurableTask.Postgres;

/// <summary>Settings of the PostgreSQL task hub, which several workers on several machines can share.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>Gets or sets the Npgsql connection string (Host=…;Database=…;Username=…).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the schema that holds this task hub's tables; created with them on first use.</summary>
    public string Schema { get; set; } = "durabletask";
}
