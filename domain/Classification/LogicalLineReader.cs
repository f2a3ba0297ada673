namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Reads what a terminal would have shown, line by line: lines that a lone '\r' ends are overwritten by the text after
/// them (progress bars keep only their final state), and each line is cleaned by <see cref="TerminalText"/>. Line
/// numbers stay <see cref="TextReader.ReadLine"/>'s: a composed line carries the number of its last part.
/// Lines that need no cleaning are returned as they are, without a copy.
/// </summary>
internal sealed class LogicalLineReader(TextReader reader)
{
    private readonly LineScanner _scanner = new(reader);
    private char[] _clean = new char[1024];
    private char[] _composed = new char[1024];
    private int _composedLength = -1;

    public LineScanner Scanner => _scanner;

    /// <summary>The number of the line last returned (its last part, when '\r' overwrote earlier parts).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Lines read so far, counted as <see cref="TextReader.ReadLine"/> counts them.</summary>
    public long PhysicalLines => _scanner.LineNumber;

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (_scanner.TryReadLine(out var raw))
        {
            var overwritten = _scanner.EndedByCarriageReturn;
            if (_composedLength < 0 && !overwritten)
            {
                LineNumber = _scanner.LineNumber;
                line = Clean(raw);
                return true;
            }

            Overlay(raw);
            if (overwritten)
            {
                continue;
            }

            LineNumber = _scanner.LineNumber;
            line = _composed.AsSpan(0, _composedLength);
            _composedLength = -1;
            return true;
        }

        if (_composedLength >= 0)
        {
            // The log ended on a lone '\r': the last state counts.
            LineNumber = _scanner.LineNumber;
            line = _composed.AsSpan(0, _composedLength);
            _composedLength = -1;
            return true;
        }

        line = default;
        return false;
    }

    private ReadOnlySpan<char> Clean(ReadOnlySpan<char> raw)
    {
        if (!TerminalText.NeedsCleaning(raw))
        {
            return raw;
        }

        if (_clean.Length < raw.Length)
        {
            _clean = new char[raw.Length * 2];
        }

        return TerminalText.Strip(raw, _clean);
    }

    /// <summary>Writes the next part over the line so far, as a terminal does after '\r'; an erase-line control clears the rest.</summary>
    private void Overlay(ReadOnlySpan<char> raw)
    {
        var erases = raw.Contains("\u001b[K", StringComparison.Ordinal) || raw.Contains("\u001b[0K", StringComparison.Ordinal) || raw.Contains("\u001b[2K", StringComparison.Ordinal);
        var text = Clean(raw);
        if (_composedLength < 0 || erases || text.Length >= _composedLength)
        {
            if (_composed.Length < text.Length)
            {
                _composed = new char[text.Length * 2];
            }

            text.CopyTo(_composed);
            _composedLength = text.Length;
            return;
        }

        // Shorter text over a longer line: the tail of the old text stays visible, unless the new text is empty
        // (a bare "\r" before "\n" changes nothing).
        text.CopyTo(_composed);
    }
}
