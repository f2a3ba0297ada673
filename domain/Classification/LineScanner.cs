namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Reads a <see cref="TextReader"/> line by line into one reusable buffer, without a string per line, numbering
/// lines exactly as <see cref="TextReader.ReadLine"/> does: "\r\n", "\r" and "\n" each end a line, and a last line
/// without a terminator still counts. It keeps the last few lines reachable so a match can pull in its context.
/// Memory is the buffer (grown only for a line longer than it) — flat in the size of the log.
/// </summary>
internal sealed class LineScanner(TextReader reader, int bufferSize = 64 * 1024)
{
    public const int History = 8;

    private readonly (int Start, int Length)[] _history = new (int, int)[History];
    private char[] _buffer = new char[Math.Max(bufferSize, 16)];
    private int _pos;
    private int _end;
    private int _scanFrom;
    private bool _eof;
    private int _historyCount;
    private int _historyNext;

    /// <summary>The 1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>True when the line last returned ended with a lone '\r': a terminal would write the next text over it.</summary>
    public bool EndedByCarriageReturn { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var from = Math.Max(_scanFrom, _pos);
            var index = _buffer.AsSpan(from, _end - from).IndexOfAny('\r', '\n');
            if (index >= 0)
            {
                index += from;
                int terminator;
                if (_buffer[index] == '\n')
                {
                    terminator = 1;
                }
                else if (index + 1 < _end)
                {
                    terminator = _buffer[index + 1] == '\n' ? 2 : 1;
                }
                else if (_eof)
                {
                    terminator = 1;
                }
                else
                {
                    // A '\r' at the end of the buffer: it may be the first half of "\r\n".
                    _scanFrom = index;
                    Fill();
                    continue;
                }

                line = Accept(index - _pos, terminator);
                return true;
            }

            if (_eof)
            {
                if (_pos < _end)
                {
                    line = Accept(_end - _pos, 0);
                    return true;
                }

                line = default;
                return false;
            }

            _scanFrom = _end;
            Fill();
        }
    }

    /// <summary>The line last returned, as read (valid until the next read).</summary>
    public ReadOnlySpan<char> Current
    {
        get
        {
            var (start, length) = _history[(_historyNext - 1 + History) % History];
            return _buffer.AsSpan(start, length);
        }
    }

    /// <summary>The line <paramref name="back"/> lines before the current one (1 = previous), if still held.</summary>
    public bool TryGetPrevious(int back, out ReadOnlySpan<char> line)
    {
        line = default;
        if (back < 1 || back >= _historyCount)
        {
            return false;
        }

        var slot = (_historyNext - 1 - back + (2 * History)) % History;
        var (start, length) = _history[slot];
        line = _buffer.AsSpan(start, length);
        return true;
    }

    private ReadOnlySpan<char> Accept(int length, int terminator)
    {
        var start = _pos;
        EndedByCarriageReturn = terminator == 1 && _buffer[start + length] == '\r';
        _pos += length + terminator;
        _scanFrom = _pos;
        LineNumber++;
        _history[_historyNext] = (start, length);
        _historyNext = (_historyNext + 1) % History;
        _historyCount = Math.Min(_historyCount + 1, History);
        return _buffer.AsSpan(start, length);
    }

    private void Fill()
    {
        // Keep the recent lines (for context) unless they would crowd the buffer; then drop the oldest.
        var keepFrom = _pos;
        while (_historyCount > 0)
        {
            var oldest = _history[(_historyNext - _historyCount + History) % History].Start;
            if (_pos - oldest <= _buffer.Length / 4)
            {
                keepFrom = oldest;
                break;
            }

            _historyCount--;
        }

        if (keepFrom > 0)
        {
            _buffer.AsSpan(keepFrom, _end - keepFrom).CopyTo(_buffer);
            _end -= keepFrom;
            _pos -= keepFrom;
            _scanFrom -= keepFrom;
            for (var i = 0; i < History; i++)
            {
                _history[i].Start -= keepFrom;
            }
        }

        if (_end == _buffer.Length)
        {
            // One line longer than the buffer: grow, as ReadLine's StringBuilder would.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}
