using RagnarokOps.Domain.Scoring;
using static RagnarokOps.Domain.Tests.Scenarios.ScenarioBuilder;

namespace RagnarokOps.Domain.Tests.Scoring;

public sealed class ChangeTraitsTests
{
    [Fact]
    public void IsFormattingOnly_WhitespaceMoves_True()
    {
        Assert.True(ChangeTraits.IsFormattingOnly([File("a.cs", ["if(x){y();}"], ["if (x)", "{", "    y();", "}"])]));
    }

    [Fact]
    public void IsFormattingOnly_AnyTokenChange_False()
    {
        Assert.False(ChangeTraits.IsFormattingOnly([File("a.cs", ["if(x){y();}"], ["if (!x) { y(); }"])]));
    }

    [Theory]
    [InlineData("package.json", true)]
    [InlineData("src/go.mod", true)]
    [InlineData("src/App.cs", false)]
    public void IsDependencyFile_KnownManifests(string path, bool expected)
    {
        Assert.Equal(expected, ChangeTraits.IsDependencyFile(path));
    }

    [Theory]
    [InlineData("config/production.yaml", true)]
    [InlineData("src/appsettings.Production.json", true)]
    [InlineData("package.json", false)]
    [InlineData("src/App.cs", false)]
    public void IsConfigFile_ConfigNotManifests(string path, bool expected)
    {
        Assert.Equal(expected, ChangeTraits.IsConfigFile(path));
    }
}
