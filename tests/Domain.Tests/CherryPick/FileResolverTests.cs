using RagnarokOps.Domain.CherryPick;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.CherryPick;

public sealed class FileResolverTests
{
    private static readonly ConflictRule[] Rules =
    [
        new("package-lock.json", ConflictStrategy.Regenerate),
        new("CHANGELOG.md", ConflictStrategy.Union),
        new("gen/**", ConflictStrategy.TakeSource),
    ];

    [Fact]
    public void Resolve_NoConflict_IsCleanWithTheMergedText()
    {
        var file = FileResolver.Resolve("src/a.cs", "a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Clean, file.Tier);
        Assert.Equal("A\nb\nC\n", file.Content);
    }

    [Fact]
    public void Resolve_LockfileConflict_Tier1KeepsTheTarget()
    {
        var file = FileResolver.Resolve("package-lock.json", "v1\n", "v2\n", "v3\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Rule, file.Tier);
        Assert.Equal("v2\n", file.Content);
        Assert.Equal(ConflictStrategy.Regenerate, file.Rule);
    }

    [Fact]
    public void Resolve_ChangelogConflict_Tier1UnionKeepsBothEntriesOnce()
    {
        var file = FileResolver.Resolve("CHANGELOG.md", "# C\n\n- 1.0\n", "# C\n\n- 1.0.1\n- 1.0\n", "# C\n\n- 1.1\n- 1.0\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Rule, file.Tier);
        Assert.Equal("# C\n\n- 1.0.1\n- 1.1\n- 1.0\n", file.Content);
    }

    [Fact]
    public void Resolve_GeneratedTakeSource_Tier1TakesTheCommit()
    {
        var file = FileResolver.Resolve("gen/api/Client.cs", "x\n", "y\n", "z\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Rule, file.Tier);
        Assert.Equal("z\n", file.Content);
    }

    [Fact]
    public void Resolve_CommitExtendsTheTargetsChange_Tier2ProposesTheSuperset()
    {
        var file = FileResolver.Resolve("src/p.cs", "a\nb\nc\n", "a\nb2\nc\n", "a\nb2\nb3\nc\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Proposed, file.Tier);
        Assert.Equal("a\nb2\nb3\nc\n", file.Content);
        Assert.Equal(0.85, file.Confidence);
        Assert.Single(file.Hunks);
    }

    [Fact]
    public void Resolve_WhitespaceOnlyDifference_Tier2WithHighConfidence()
    {
        var file = FileResolver.Resolve("src/p.cs", "a\nb\n", "a\n  x  y\n", "a\nx y\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Proposed, file.Tier);
        Assert.Equal(0.95, file.Confidence);
    }

    [Fact]
    public void Resolve_SameLineChangedDifferently_Tier3WithBothSidesAndNoContent()
    {
        var file = FileResolver.Resolve("src/l.cs", "max = 10\n", "max = 20\n", "max = 50\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Manual, file.Tier);
        Assert.Null(file.Content);
        var hunk = Assert.Single(file.Hunks);
        Assert.Equal(["max = 20"], hunk.Target);
        Assert.Equal(["max = 50"], hunk.Source);
    }

    [Fact]
    public void Resolve_ProposalBelowThreshold_Tier3()
    {
        var file = FileResolver.Resolve("src/p.cs", "a\nb\nc\n", "a\nb2\nc\n", "a\nb2\nb3\nc\n", Rules, 0.9);

        Assert.Equal(CherryPickTier.Manual, file.Tier);
        Assert.Contains("below 0.90", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FileMissingOnTarget_Tier3SaysWhy()
    {
        var file = FileResolver.Resolve("src/gone.cs", "a\n", null, "b\n", Rules, 0.8);

        Assert.Equal(CherryPickTier.Manual, file.Tier);
        Assert.Contains("does not have", file.Reason, StringComparison.Ordinal);
    }
}
