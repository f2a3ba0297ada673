using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Policy;

public sealed class GlobTests
{
    [Theory]
    [InlineData("services/orders/**", "services/orders/a/b.cs", true)]
    [InlineData("services/orders/**", "services/orders", false)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)]
    [InlineData("**/*.md", "docs/a/README.md", true)]
    [InlineData("**/*.md", "README.md", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file/.txt", false)]
    [InlineData("[!a]*.cs", "b.cs", true)]
    [InlineData("[!a]*.cs", "a.cs", false)]
    [InlineData(@"name\*.txt", "name*.txt", true)]
    [InlineData(@"name\*.txt", "names.txt", false)]
    public void IsMatch_Patterns(string glob, string path, bool expected)
    {
        Assert.Equal(expected, Glob.Parse(glob).IsMatch(path));
    }
}
