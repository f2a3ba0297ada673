using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RagnarokOps.Connectors.Logs;

/// <summary>
/// The embedded default log source: JSON-lines or plain text files, streamed line by line, records outside
/// the window skipped. A missing or unreadable file is named; if no file could be read the answer is
/// <see cref="LogSourceResult.Missing"/>.
/// </summary>
internal sealed class LogFileSource(IOptions<LogFileOptions> options, ILogger<LogFileSource> logger) : ILogSource
{
    public const string SourceName = "log-file";

    public string Name => SourceName;

    public async Task<LogSourceResult> GatherAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var files = (query.Files ?? []).Concat(options.Value.Files).Select(Resolve).Distinct(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return LogSourceResult.Missing($"no logs: no Log Analytics workspace is configured and no log file is named for service '{query.Service}' (policy services.*.logs or setting Logs:Files)");
        }

        var builder = new LogEvidenceBuilder(query, SourceName);
        var problems = new List<string>();
        var read = 0;
        foreach (var file in files)
        {
            if (await TryReadAsync(file, builder, cancellationToken) is { } problem)
            {
                Log.LogFileUnreadable(logger, file, problem);
                problems.Add($"{file}: {problem}");
            }
            else
            {
                read++;
            }
        }

        if (read == 0)
        {
            return LogSourceResult.Missing($"no logs: {string.Join("; ", problems)}");
        }

        foreach (var problem in problems)
        {
            builder.Warn($"log file skipped: {problem}");
        }

        Log.LogFilesRead(logger, query.Service, read, builder.Accepted);
        return LogSourceResult.Of(builder.Build());
    }

    private string Resolve(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(options.Value.BaseDirectory ?? Directory.GetCurrentDirectory(), path));

    /// <summary>Reads one file into the builder; returns why it could not be read, or null.</summary>
    private static async Task<string?> TryReadAsync(string path, LogEvidenceBuilder builder, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not a log file";
        }

        try
        {
            // Logs are often being written while we read: share for writing, read what is there.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var parser = new LogFileParser(builder);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                parser.Accept(line);
            }

            parser.Complete();
            if (parser.Skipped > 0)
            {
                builder.Warn($"{Path.GetFileName(path)}: {parser.Skipped} of {parser.Lines} lines were not log records and were skipped");
            }

            return null;
        }
        catch (FileNotFoundException)
        {
            return "file not found";
        }
        catch (DirectoryNotFoundException)
        {
            return "folder not found";
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return $"could not be read ({e.Message})";
        }
    }
}
