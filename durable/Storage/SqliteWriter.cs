using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>
/// The single writer of this process: every write runs on one thread, one connection. Writes waiting together
/// share one commit (group commit), each inside its own savepoint so one failing write undoes only itself —
/// every orchestration step and activity completion stays atomic on its own.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly int _maxBatch;
    private readonly Thread _thread;

    public SqliteWriter(SqliteConnection connection, int maxBatch)
    {
        _connection = connection;
        _maxBatch = Math.Max(1, maxBatch);
        _thread = new Thread(Run) { IsBackground = true, Name = "durabletask-sqlite-writer" };
        _thread.Start();
    }

    private interface IWrite
    {
        void Execute(SqliteWriter writer);

        void Complete();

        void Fail(Exception exception);
    }

    /// <summary>Gets how many commits, writes and busy ticks (Stopwatch) the writer has done; for benchmarks.</summary>
    public (long Commits, long Writes, long BusyTicks) Stats => (Interlocked.Read(ref _commits), Interlocked.Read(ref _writes), Interlocked.Read(ref _busy));

    private long _commits;
    private long _writes;
    private long _busy;

    /// <summary>Runs <paramref name="work"/> atomically on the writer thread and returns once it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write<T>(work);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }

        return write.Task;
    }

    /// <summary>A cached prepared command on the writer connection; only valid inside a write.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>An uncached command on the writer connection, for statements whose text varies.</summary>
    public SqliteCommand NewCommand() => _connection.CreateCommand();

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Factory.StartNew(_thread.Join, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ConfigureAwait(false);
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<IWrite>(_maxBatch);
        var failures = new Exception?[_maxBatch];
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                Exec("BEGIN IMMEDIATE");
                for (var i = 0; i < batch.Count; i++)
                {
                    failures[i] = null;
                    Exec("SAVEPOINT w");
                    try
                    {
                        batch[i].Execute(this);
                        Exec("RELEASE w");
                    }
                    catch (Exception ex)
                    {
                        Exec("ROLLBACK TO w");
                        Exec("RELEASE w");
                        failures[i] = ex;
                    }
                }

                Exec("COMMIT");
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _writes, batch.Count);
                Interlocked.Add(ref _busy, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            }
            catch (SqliteException ex)
            {
                TryRollback();
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }

                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (failures[i] is { } failure)
                {
                    batch[i].Fail(failure);
                }
                else
                {
                    batch[i].Complete();
                }
            }
        }
    }

    private void Exec(string sql) => Command(sql).ExecuteNonQuery();

    private void TryRollback()
    {
        try
        {
            Exec("ROLLBACK");
        }
        catch (SqliteException)
        {
            // No transaction was open.
        }
    }

    private sealed class Write<T>(Func<SqliteWriter, T> work) : IWrite
    {
        private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _tcs.Task;

        public void Execute(SqliteWriter writer) => _result = work(writer);

        public void Complete() => _tcs.TrySetResult(_result!);

        public void Fail(Exception exception) => _tcs.TrySetException(exception);
    }
}

/// <summary>Raised inside a write when another worker already committed the same step; the write is undone.</summary>
internal sealed class ConflictException(string message) : Exception(message);
