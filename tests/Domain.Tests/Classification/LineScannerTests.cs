using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class LineScannerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\n\n")]
    [InlineData("a\r\nb\rc\nd")]
    [InlineData("\r\r\n\n\r")]
    [InlineData("progress 1%\rprogress 2%\rdone\r\n")]
    public void TryReadLine_AnyTerminators_SameLinesAsReadLine(string text)
    {
        Assert.Equal(ReadLines(new StringReader(text)), ScanLines(new StringReader(text), 16));
    }

    [Fact]
    public void TryReadLine_RandomTextThroughTinyReads_SameLinesAsReadLine()
    {
        var random = new Random(7);
        const string alphabet = "ab \r\n\t";
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            // Reads of 1–3 chars split "\r\n" across reads, the case a naive splitter gets wrong.
            Assert.Equal(ReadLines(new StringReader(text)), ScanLines(new TrickleReader(text, random), 16));
        }
    }

    [Fact]
    public void TryReadLine_LineLongerThanBuffer_GrowsAndReturnsItWhole()
    {
        var longLine = new string('x', 1000);

        Assert.Equal(["a", longLine, "b"], ScanLines(new StringReader($"a\n{longLine}\nb"), 16));
    }

    [Fact]
    public void TryGetPrevious_AfterRefills_ReturnsRecentLines()
    {
        var text = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i}"));
        var scanner = new LineScanner(new TrickleReader(text, new Random(1)), 64);
        while (scanner.TryReadLine(out _) && scanner.LineNumber < 40)
        {
        }

        Assert.True(scanner.TryGetPrevious(1, out var previous));
        Assert.Equal("line 39", previous.ToString());
        Assert.True(scanner.TryGetPrevious(2, out previous));
        Assert.Equal("line 38", previous.ToString());
        Assert.False(scanner.TryGetPrevious(LineScanner.History, out _));
    }

    private static List<string> ReadLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static List<string> ScanLines(TextReader reader, int bufferSize)
    {
        var scanner = new LineScanner(reader, bufferSize);
        var lines = new List<string>();
        while (scanner.TryReadLine(out var line))
        {
            lines.Add(line.ToString());
            Assert.Equal(lines.Count, scanner.LineNumber);
        }

        return lines;
    }

    /// <summary>Hands out a few chars per Read, as a pipe or network stream may.</summary>
    private sealed class TrickleReader(string text, Random random) : TextReader
    {
        private int _pos;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, random.Next(1, 4)), text.Length - _pos);
            text.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }
    }
}
