using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace RagnarokOps.Sandbox.Store;

/// <summary>The writes of one <see cref="SandboxStore.Write{T}"/> call.</summary>
internal sealed class StoreTransaction(SqliteConnection connection, SqliteTransaction transaction)
{
    /// <summary>The next value of a named counter (global ids by kind, per-project iids by "kind:project").</summary>
    public long Next(string sequence)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO sequences (name, value) VALUES ($name, 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1
            RETURNING value
            """;
        command.Parameters.AddWithValue("$name", sequence);
        return (long)command.ExecuteScalar()!;
    }

    public void Put(string kind, long id, long projectId, JsonObject body)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO entities (kind, id, project_id, body) VALUES ($kind, $id, $project, $body)
            ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, project_id = excluded.project_id
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$project", projectId);
        command.Parameters.AddWithValue("$body", body.ToJsonString());
        command.ExecuteNonQuery();
    }

    public JsonObject? Get(string kind, long id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT body FROM entities WHERE kind = $kind AND id = $id";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is string body ? JsonNode.Parse(body)!.AsObject() : null;
    }
}
