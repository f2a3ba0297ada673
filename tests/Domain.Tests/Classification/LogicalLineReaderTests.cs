using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class LogicalLineReaderTests
{
    private static List<(long Line, string Text)> Read(string log)
    {
        var reader = new LogicalLineReader(new StringReader(log));
        var lines = new List<(long, string)>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add((reader.LineNumber, line.ToString()));
        }

        return lines;
    }

    [Fact]
    public void TryReadLine_ProgressBar_KeepsTheFinalStateWithStreamReaderNumbers()
    {
        var lines = Read("start\nDownloading 10%\rDownloading 55%\rDownload complete\nnext\n");

        // StreamReader counts 5 lines; the three progress states are one line on screen, numbered by its last part.
        Assert.Equal([(1L, "start"), (4L, "Download complete"), (5L, "next")], lines);
    }

    [Fact]
    public void TryReadLine_ShorterOverwrite_KeepsTheOldTailUnlessErased()
    {
        Assert.Equal("XYc", Read("abc\rXY\n").Single().Text);
        Assert.Equal("XY", Read("abc\r\u001b[KXY\n").Single().Text);
    }

    [Fact]
    public void TryReadLine_TravisFoldThenCommand_CommandOnly()
    {
        var lines = Read("travis_fold:start:install\r\u001b[0K$ npm ci\r\n");

        Assert.Equal([(2L, "$ npm ci")], lines);
    }

    [Fact]
    public void TryReadLine_CrLf_IsOneLine()
    {
        Assert.Equal([(1L, "a"), (2L, "b")], Read("a\r\nb\r\n"));
    }
}
