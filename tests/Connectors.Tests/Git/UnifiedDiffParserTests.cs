using RagnarokOps.Connectors.Git;

namespace RagnarokOps.Connectors.Tests.Git;

public sealed class UnifiedDiffParserTests
{
    private const string Patch = """

        diff --git a/src/Old Name.cs b/src/New Name.cs
        similarity index 90%
        rename from src/Old Name.cs
        rename to src/New Name.cs
        --- a/src/Old Name.cs
        +++ b/src/New Name.cs
        @@ -1 +1 @@
        -int a = 1;
        +int a = 2;
        diff --git a/gone.txt b/gone.txt
        deleted file mode 100644
        --- a/gone.txt
        +++ /dev/null
        @@ -1 +0,0 @@
        -bye
        """;

    [Fact]
    public void Parse_RenameAndDelete_ReadsPathsAndFlags()
    {
        var files = UnifiedDiffParser.Parse(Patch, 10_000);

        Assert.Equal(2, files.Count);
        Assert.Equal("src/New Name.cs", files[0].Path);
        Assert.Equal("src/Old Name.cs", files[0].OldPath);
        Assert.Contains("+int a = 2;", files[0].Diff, StringComparison.Ordinal);
        Assert.Equal("gone.txt", files[1].Path);
        Assert.True(files[1].IsDeleted);
    }

    [Fact]
    public void Parse_LongDiff_IsTruncatedAndSaysSo()
    {
        var files = UnifiedDiffParser.Parse(Patch, 60);

        Assert.True(files[0].Truncated);
        Assert.True(files[0].Diff.Length <= 61);
    }
}
