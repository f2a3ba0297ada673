using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Policy;

public sealed class IgnoreRulesTests
{
    private static readonly IgnoreRules Rules = IgnoreRules.Parse("""
        # secrets and customer data
        secrets/
        *.pem
        **/fixtures/customers/**
        /config/production.env
        !config/production.env.example
        docs/internal/*.md
        \#hash.txt
        build/
        !build/keep.txt
        logs/**
        !logs/README.md
        trailing.txt   
        with\ space.txt
        """);

    [Theory]
    [InlineData("secrets/db.txt", true)]
    [InlineData("a/secrets/db.txt", true)]
    [InlineData("secrets", false)]
    [InlineData("keys/server.pem", true)]
    [InlineData("a/b/c/server.pem", true)]
    [InlineData("test/fixtures/customers/acme.json", true)]
    [InlineData("fixtures/customers/acme.json", true)]
    [InlineData("config/production.env", true)]
    [InlineData("sub/config/production.env", false)]
    [InlineData("docs/internal/plan.md", true)]
    [InlineData("docs/internal/deep/plan.md", false)]
    [InlineData("#hash.txt", true)]
    [InlineData("build/keep.txt", true)]
    [InlineData("logs/README.md", false)]
    [InlineData("logs/app.log", true)]
    [InlineData("trailing.txt", true)]
    [InlineData("with space.txt", true)]
    [InlineData("src/Program.cs", false)]
    public void IsIgnored_GitignoreSemantics(string path, bool expected)
    {
        Assert.Equal(expected, Rules.IsIgnored(path));
    }

    [Fact]
    public void IsIgnored_DirectoryOnlyPattern_MatchesDirectoryItself()
    {
        Assert.True(Rules.IsIgnored("secrets", isDirectory: true));
    }

    [Fact]
    public void Explain_NamesTheDecidingLine()
    {
        var included = Rules.Explain("logs/README.md")!;
        var parent = Rules.Explain("build/keep.txt")!;

        Assert.Equal(new IgnoreMatch(false, 12, "!logs/README.md"), included);
        // git cannot re-include a file whose parent directory is excluded: build/ decides, not !build/keep.txt.
        Assert.Equal(new IgnoreMatch(true, 9, "build/"), parent);
        Assert.Null(Rules.Explain("src/Program.cs"));
    }

    [Fact]
    public void Parse_EmptyOrCommentsOnly_IgnoresNothing()
    {
        Assert.Equal(0, IgnoreRules.Parse(null).Count);
        Assert.False(IgnoreRules.Parse("# nothing\n\n").IsIgnored("a"));
    }
}
