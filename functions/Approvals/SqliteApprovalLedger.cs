using Microsoft.Data.Sqlite;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// The ledger in a SQLite file. Single use rests on the nonce being the primary key: the insert that
/// adds a row is the one that consumed it, whichever process or thread got there first.
/// </summary>
internal sealed class SqliteApprovalLedger : IApprovalLedger
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private bool _schemaReady;

    public SqliteApprovalLedger(string path, TimeProvider time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();
        _time = time;
    }

    public async Task<bool> TryConsumeAsync(string nonce, string instanceId, string decision, string decidedBy, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO approval_nonces (nonce, instance_id, decision, decided_by, used_at)
            VALUES ($nonce, $instance, $decision, $by, $at)
            ON CONFLICT (nonce) DO NOTHING
            """;
        command.Parameters.AddWithValue("$nonce", nonce);
        command.Parameters.AddWithValue("$instance", instanceId);
        command.Parameters.AddWithValue("$decision", decision);
        command.Parameters.AddWithValue("$by", decidedBy);
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O"));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<ApprovalLedgerEntry?> FindAsync(string nonce, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id, decision, decided_by, used_at FROM approval_nonces WHERE nonce = $nonce";
        command.Parameters.AddWithValue("$nonce", nonce);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ApprovalLedgerEntry(nonce, reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task ReleaseAsync(string nonce, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM approval_nonces WHERE nonce = $nonce";
        command.Parameters.AddWithValue("$nonce", nonce);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_schemaReady)
        {
            await EnsureSchemaAsync(connection, cancellationToken);
        }

        return connection;
    }

    // Idempotent DDL, so concurrent first callers may both run it; the flag only saves later round trips.
    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS approval_nonces (
                nonce TEXT PRIMARY KEY,
                instance_id TEXT NOT NULL,
                decision TEXT NOT NULL,
                decided_by TEXT NOT NULL,
                used_at TEXT NOT NULL
            );
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _schemaReady = true;
    }
}
