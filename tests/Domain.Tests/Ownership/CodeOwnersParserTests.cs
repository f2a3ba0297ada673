using RagnarokOps.Domain.Ownership;

namespace RagnarokOps.Domain.Tests.Ownership;

public sealed class CodeOwnersParserTests
{
    [Fact]
    public void Parse_SectionsOptionalApprovalsAndDefaults()
    {
        var file = CodeOwnersFile.Parse("""
            # Default section
            * @acme/everyone
            [Backend][2] @acme/backend
            services/
            ^[Docs] @tech-writer
            *.md
            [backend]
            /api/ @alice
            """, ".gitlab/CODEOWNERS");

        Assert.Empty(file.Problems);
        Assert.Equal(["Backend", "Docs", "Backend"], file.Sections.Select(s => s.Name));
        var backend = file.Sections[0];
        Assert.Equal((2, false, 3), (backend.ApprovalsRequired, backend.Optional, backend.Line));
        Assert.Equal(["@acme/backend"], backend.DefaultOwners);
        Assert.True(file.Sections[1].Optional);
        Assert.Equal(["@acme/backend"], file.Entries[1].Owners);
        Assert.Equal(["@tech-writer"], file.Entries[2].Owners);
        Assert.Equal("Backend", file.Entries[3].Section.Name);
        Assert.Equal(CodeOwnersFile.DefaultSection, file.Entries[0].Section.Name);
    }

    [Fact]
    public void Parse_EscapedSpacesCommentsEmailsAndRoles()
    {
        var file = CodeOwnersFile.Parse("""
            /docs/user\ guide.md @alice bob@acme.example # trailing comment
            \#notes.txt @@maintainer
            """);

        Assert.Empty(file.Problems);
        Assert.Equal("/docs/user guide.md", file.Entries[0].Pattern);
        Assert.Equal(["@alice", "bob@acme.example"], file.Entries[0].Owners);
        Assert.Equal("#notes.txt", file.Entries[1].Pattern);
        Assert.Equal(["@@maintainer"], file.Entries[1].Owners);
    }

    [Fact]
    public void Parse_BadHeaderAndOwner_ReportedWithLine()
    {
        var file = CodeOwnersFile.Parse("[Unclosed\n/src/ alice @bob\n");

        Assert.Equal([1, 2], file.Problems.Select(p => p.Line));
        Assert.Contains("'alice' is not an owner", file.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(["@bob"], file.Entries[0].Owners);
    }

    [Theory]
    [InlineData("README.md", "README.md", true)]
    [InlineData("README.md", "docs/README.md", true)]
    [InlineData("/README.md", "docs/README.md", false)]
    [InlineData("/docs/", "docs/a/b/c.md", true)]
    [InlineData("/docs/*", "docs/a.md", true)]
    [InlineData("/docs/*", "docs/a/b.md", false)]
    [InlineData("/docs/**/*.md", "docs/a/b/c.md", true)]
    [InlineData("*.{rb,py}", "lib/x.py", true)]
    [InlineData("*.{rb,py}", "lib/x.cs", false)]
    [InlineData("internal/", "src/internal/x.go", true)]
    [InlineData("/config", "config/app.yaml", false)]
    public void EntryIsMatch_GitLabPathRules(string pattern, string path, bool expected)
    {
        var entry = CodeOwnersFile.Parse($"{pattern} @owner").Entries[0];

        Assert.Equal(expected, entry.IsMatch(path));
    }
}
