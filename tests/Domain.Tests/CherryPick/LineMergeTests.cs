using RagnarokOps.Domain.CherryPick;

namespace RagnarokOps.Domain.Tests.CherryPick;

public sealed class LineMergeTests
{
    [Fact]
    public void Merge_ChangesInDifferentPlaces_MergesBothWithoutConflict()
    {
        var result = LineMerge.Merge("a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n");

        Assert.True(result.Clean);
        Assert.Equal("A\nb\nc\nd\nE\n", LineMerge.Join(result.Chunks.SelectMany(c => c.Merged)));
    }

    [Fact]
    public void Merge_SameLineChangedDifferently_IsOneConflictWithBothSides()
    {
        var result = LineMerge.Merge("a\nb\nc\n", "a\nours\nc\n", "a\ntheirs\nc\n");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(["b"], conflict.Base);
        Assert.Equal(["ours"], conflict.Ours);
        Assert.Equal(["theirs"], conflict.Theirs);
        Assert.Equal(1, conflict.BaseStart);
    }

    [Fact]
    public void Merge_SameChangeOnBothSides_TakesItOnce()
    {
        var result = LineMerge.Merge("a\nb\n", "a\nx\n", "a\nx\n");

        Assert.True(result.Clean);
        Assert.Equal("a\nx\n", LineMerge.Join(result.Chunks.SelectMany(c => c.Merged)));
    }

    [Fact]
    public void Merge_InsertionsAtTheSamePlace_Conflict()
    {
        var result = LineMerge.Merge("top\nend\n", "top\nmine\nend\n", "top\nyours\nend\n");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Empty(conflict.Base);
    }
}
