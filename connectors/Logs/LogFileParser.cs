namespace RagnarokOps.Connectors.Logs;

/// <summary>
/// Turns a file's lines into records: a JSON object per line, or a plain text head line followed by
/// continuation lines (exception text and stack frames) that belong to it.
/// </summary>
internal sealed class LogFileParser(LogEvidenceBuilder builder)
{
    private (DateTimeOffset Timestamp, string Level, string Message)? _head;
    private readonly List<string> _continuation = [];

    public int Lines { get; private set; }

    public int Skipped { get; private set; }

    public void Accept(string line)
    {
        Lines++;
        if (line.Length == 0 || line.AsSpan().Trim().Length == 0)
        {
            return;
        }

        if (line.AsSpan().TrimStart().StartsWith("{") && JsonLogLine.Parse(line) is { } json)
        {
            Flush();
            builder.Add(json);
            return;
        }

        if (PlainLogLine.ParseHead(line) is { } head)
        {
            Flush();
            _head = head;
        }
        else if (_head is not null)
        {
            _continuation.Add(line);
        }
        else
        {
            Skipped++;
        }
    }

    public void Complete() => Flush();

    private void Flush()
    {
        if (_head is not { } head)
        {
            return;
        }

        var (type, message, frames) = StackText.Parse(string.Join('\n', _continuation));
        if (StackText.FindHeader(head.Message) is { } inline)
        {
            // "Unhandled exception. System.X: boom" on the head line itself.
            type ??= inline.Type;
            message ??= inline.Message;
        }

        builder.Add(new LogRecord(head.Timestamp, head.Level, head.Message, type, message, frames));
        _head = null;
        _continuation.Clear();
    }
}
