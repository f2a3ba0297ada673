namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Turns one line of terminal output into the text a person saw: ANSI/VT escape sequences (SGR colours, cursor and
/// erase controls, OSC titles) removed, CI fold and section markers (Travis <c>travis_fold</c>/<c>travis_time</c>,
/// GitLab <c>section_start</c>/<c>section_end</c>, GitHub <c>##[group]</c>) removed, and a leading timestamp
/// (GitHub's ISO stamp, <c>[00:12:34]</c>, <c>12:34:56</c>) dropped, so rules anchored at the start of a line match.
/// </summary>
internal static class TerminalText
{
    /// <summary>True when the line may need cleaning; most lines do not and are matched as they are, without a copy.</summary>
    public static bool NeedsCleaning(ReadOnlySpan<char> line)
    {
        if (line.Length == 0)
        {
            return false;
        }

        var first = line[0];
        return line.Contains('\u001b') || char.IsAsciiDigit(first) || first is '[' or '#' or 't' or 's';
    }

    public static string CleanToString(ReadOnlySpan<char> line)
    {
        if (!NeedsCleaning(line))
        {
            return line.ToString();
        }

        var buffer = new char[line.Length];
        return new string(buffer, 0, Clean(line, buffer));
    }

    /// <summary>Writes the cleaned line into <paramref name="destination"/> (at least as long as the line); returns its length.</summary>
    public static int Clean(ReadOnlySpan<char> line, Span<char> destination)
    {
        var text = Strip(line, destination);
        text.CopyTo(destination);
        return text.Length;
    }

    /// <summary>
    /// The cleaned line: a slice of <paramref name="line"/> itself when it holds no escape sequence (only leading
    /// markers and a timestamp to drop, so no copy), else written into <paramref name="scratch"/> (at least as long as the line).
    /// </summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> line, Span<char> scratch)
    {
        var escape = line.IndexOf('\u001b');
        if (escape < 0)
        {
            return line[PrefixLength(line)..];
        }

        line[..escape].CopyTo(scratch);
        var length = escape;
        for (var i = escape; i < line.Length; i++)
        {
            var c = line[i];
            if (c != '\u001b')
            {
                scratch[length++] = c;
                continue;
            }

            i = SkipEscape(line, i);
        }

        var text = scratch[..length];
        return text[PrefixLength(text)..];
    }

    /// <summary>Leading fold/section markers, a timestamp and a marker after it.</summary>
    private static int PrefixLength(ReadOnlySpan<char> text)
    {
        var start = SkipMarkers(text);
        start += TimestampLength(text[start..]);
        return start + MarkerLength(text[start..]);
    }

    /// <summary>Index of the last character of the escape sequence that starts at <paramref name="at"/>.</summary>
    private static int SkipEscape(ReadOnlySpan<char> line, int at)
    {
        if (at + 1 >= line.Length)
        {
            return at;
        }

        var kind = line[at + 1];
        if (kind == '[')
        {
            // CSI: parameters and intermediates, then one final byte in @..~.
            var i = at + 2;
            while (i < line.Length && line[i] is < '@' or > '~')
            {
                i++;
            }

            return Math.Min(i, line.Length - 1);
        }

        if (kind == ']')
        {
            // OSC: up to BEL or ESC \.
            var i = at + 2;
            while (i < line.Length && line[i] != '\u0007' && !(line[i] == '\u001b' && i + 1 < line.Length && line[i + 1] == '\\'))
            {
                i++;
            }

            return i < line.Length && line[i] == '\u001b' ? i + 1 : Math.Min(i, line.Length - 1);
        }

        // Two-character sequences (ESC ( B, ESC =, ESC 7 …).
        return kind is '(' or ')' && at + 2 < line.Length ? at + 2 : at + 1;
    }

    /// <summary>Length of leading fold/section/time markers (several can follow each other on one line).</summary>
    private static int SkipMarkers(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (true)
        {
            var skipped = MarkerLength(text[start..]);
            if (skipped == 0)
            {
                return start;
            }

            start += skipped;
        }
    }

    private static int MarkerLength(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("travis_fold:") || text.StartsWith("travis_time:") || text.StartsWith("section_start:") || text.StartsWith("section_end:"))
        {
            // travis_fold:start:name, travis_time:end:id:start=…,duration=…, section_start:1560896352:name[collapsed=true]:
            // the marker runs while its characters can belong to a name, so text glued to it ("…install$ mvn test") stays.
            var i = 0;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or ':' or '=' or ',' or '-' or '[' or ']'))
            {
                i++;
            }

            return i < text.Length && text[i] == ' ' ? i + 1 : i;
        }

        foreach (var marker in GitHubMarkers)
        {
            if (text.StartsWith(marker, StringComparison.Ordinal))
            {
                return marker.Length;
            }
        }

        return 0;
    }

    // ##[error] and ##[warning] are kept: they are what the runner says about the step.
    private static readonly string[] GitHubMarkers = ["##[group]", "##[endgroup]", "##[section]", "##[command]", "##[debug]"];

    /// <summary>Length of a leading timestamp with its separator, or 0.</summary>
    internal static int TimestampLength(ReadOnlySpan<char> text)
    {
        // 2022-09-11T21:16:04.6524489Z (GitHub Actions, Azure Pipelines)
        if (text.Length >= 21 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':')
        {
            var end = text.IndexOf(' ');
            return end is > 18 and < 40 && text[end - 1] == 'Z' ? end + 1 : 0;
        }

        // [00:55:26] (rust-lang CI and other wrappers)
        if (text.Length >= 11 && text[0] == '[' && text[3] == ':' && text[6] == ':' && text[9] == ']' && char.IsAsciiDigit(text[1]))
        {
            return text.Length > 10 && text[10] == ' ' ? 11 : 10;
        }

        return 0;
    }
}
