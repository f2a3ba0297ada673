namespace RagnarokOps.DurableTask.Storage;

/// <summary>Settings of the SQLite task hub.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Gets or sets the database file; created with its schema on first use.</summary>
    public string DatabasePath { get; set; } = "durabletask.db";

    /// <summary>
    /// Gets or sets SQLite's <c>synchronous</c> mode. NORMAL (the default) in WAL mode survives a killed process;
    /// FULL also survives power loss at the cost of an fsync per commit.
    /// </summary>
    public string Synchronous { get; set; } = "NORMAL";

    /// <summary>Gets or sets how many writes the writer thread may group into one commit.</summary>
    public int MaxBatchSize { get; set; } = 256;
}
