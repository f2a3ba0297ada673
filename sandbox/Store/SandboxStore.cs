using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace RagnarokOps.Sandbox.Store;

/// <summary>
/// Everything that is not git: issues, notes, MRs, pipelines, jobs, deployments, flags, wiki, members, hooks.
/// Each entity is kept in its GitLab JSON shape; every write is one SQLite transaction (WAL), so a crash
/// loses nothing that was acknowledged.
/// </summary>
internal sealed class SandboxStore
{
    private readonly string _connectionString;
    private readonly Lock _writeGate = new();

    public SandboxStore(string databasePath)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, null, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS entities (
                kind TEXT NOT NULL, id INTEGER NOT NULL, project_id INTEGER NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (kind, id));
            CREATE INDEX IF NOT EXISTS entities_by_project ON entities (kind, project_id, id);
            CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
    }

    public JsonObject? Get(string kind, long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM entities WHERE kind = $kind AND id = $id";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is string body ? JsonNode.Parse(body)!.AsObject() : null;
    }

    /// <summary>All entities of a kind in a project (or every project when null), by ascending id.</summary>
    public List<JsonObject> List(string kind, long? projectId = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = projectId is null
            ? "SELECT body FROM entities WHERE kind = $kind ORDER BY id"
            : "SELECT body FROM entities WHERE kind = $kind AND project_id = $project ORDER BY id";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$project", projectId ?? 0);
        var result = new List<JsonObject>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; all of it is stored or none.</summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        lock (_writeGate)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = work(new StoreTransaction(connection, transaction));
            transaction.Commit();
            return result;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
