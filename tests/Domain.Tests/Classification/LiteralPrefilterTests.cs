using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class LiteralPrefilterTests
{
    [Fact]
    public void Next_FindsEveryOccurrenceANaiveSearchFinds()
    {
        var literals = new[] { "Error", "timeout", "No space left", "●  ", "ÉCHEC", "Communications link" };
        var filter = new LiteralPrefilter(literals.Select((l, i) => new LiteralPrefilter.Entry(l, false, [i])));
        var random = new Random(3);
        var words = new[] { "error", "ERROR", "Time", "timeout", "no space left", "x", " ", "●  ", "échec", "ÉCHEC", "ab", "communications link", "com.acme" };
        for (var round = 0; round < 300; round++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => words[random.Next(words.Length)]));
            var expected = new List<(int, string)>();
            for (var i = 0; i < line.Length; i++)
            {
                expected.AddRange(literals.Where(l => line.AsSpan(i).StartsWith(l, StringComparison.OrdinalIgnoreCase)).Select(l => (i, l)));
            }

            var found = new List<(int, string)>();
            for (var at = filter.Next(line, 0, out var candidates); at >= 0; at = filter.Next(line, at + 1, out candidates))
            {
                found.AddRange(candidates.Where(c => c.At(line, at)).Select(c => (at - c.Anchor, c.Literal)));
            }

            Assert.Equal(expected.Order(), found.Order());
        }
    }

    [Fact]
    public void Entry_CaseSensitive_OnlyExactCase()
    {
        var sensitive = new LiteralPrefilter.Entry("FAIL", true, [0]);
        var insensitive = sensitive with { CaseSensitive = false };

        Assert.True(sensitive.At("--- FAIL: x", 4));
        Assert.False((sensitive with { Anchor = 1 }).At("FAIL", 0));
        Assert.False(sensitive.At("Failures: 0", 0));
        Assert.True(insensitive.At("Failures: 0", 0));
    }

    [Fact]
    public void Constructor_LiteralShorterThanThree_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LiteralPrefilter([new LiteralPrefilter.Entry("ab", false, [0])]));
    }
}
