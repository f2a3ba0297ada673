namespace RagnarokOps.Domain.Classification;

/// <summary>
/// The last green run of the same job, as a set of line shapes. A line of the failed log whose shape the green run also
/// printed is routine (a test that logs an expected error, a retried download) and cannot anchor the failure chunk;
/// lines new in the failed log are the strong signal. Shapes ignore numbers, hashes, timestamps and terminal codes.
/// </summary>
public sealed class BaselineLog
{
    private readonly HashSet<int> _shapes;

    private BaselineLog(HashSet<int> shapes) => _shapes = shapes;

    /// <summary>How many distinct line shapes the green run has.</summary>
    public int Shapes => _shapes.Count;

    /// <summary>Reads a green run's log once (memory grows with its distinct lines, not with the failed log).</summary>
    public static BaselineLog Read(TextReader log)
    {
        var shapes = new HashSet<int>();
        var reader = new LogicalLineReader(log);
        while (reader.TryReadLine(out var line))
        {
            if (!line.IsWhiteSpace())
            {
                shapes.Add(Shape(line));
            }
        }

        return new BaselineLog(shapes);
    }

    public static BaselineLog Parse(string log) => Read(new StringReader(log));

    internal bool Contains(ReadOnlySpan<char> line) => _shapes.Contains(Shape(line));

    /// <summary>A hash of the line with digit runs and long hex runs folded, so run-specific values do not count as new.</summary>
    internal static int Shape(ReadOnlySpan<char> line)
    {
        var hash = new HashCode();
        var i = 0;
        var trimmed = line.Trim();
        while (i < trimmed.Length)
        {
            var c = trimmed[i];
            if (char.IsAsciiHexDigit(c))
            {
                var end = i;
                var digits = true;
                while (end < trimmed.Length && char.IsAsciiHexDigit(trimmed[end]))
                {
                    digits &= char.IsAsciiDigit(trimmed[end]);
                    end++;
                }

                if (digits || end - i >= 7)
                {
                    hash.Add('0');
                    i = end;
                    continue;
                }
            }

            hash.Add(c);
            i++;
        }

        return hash.ToHashCode();
    }
}
