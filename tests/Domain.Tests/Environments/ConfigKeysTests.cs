using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class ConfigKeysTests
{
    [Fact]
    public void Flatten_Yaml_GivesDottedKeysWithListIndexes()
    {
        var keys = ConfigKeys.Flatten("config/app.yaml", "database:\n  host: db1\n  port: 5432\nservers:\n  - url: a\n  - url: b\n", out _)!;

        Assert.Equal(["database.host", "database.port", "servers.0.url", "servers.1.url"], keys.Keys);
        Assert.Equal("db1", keys["database.host"]);
    }

    [Fact]
    public void Flatten_Json_KeepsNonStringValuesAsWritten()
    {
        var keys = ConfigKeys.Flatten("a.json", """{"retry": {"count": 3, "on": true}, "name": "x"}""", out _)!;

        Assert.Equal("3", keys["retry.count"]);
        Assert.Equal("true", keys["retry.on"]);
        Assert.Equal("x", keys["name"]);
    }

    [Fact]
    public void Flatten_EnvAndIni_ReadLinesSectionsAndQuotes()
    {
        var env = ConfigKeys.Flatten("config/.env", "# c\nexport API_URL=\"https://x\"\nDEBUG=false\n", out _)!;
        var ini = ConfigKeys.Flatten("setup.ini", "[pool]\nsize = 10\n; comment\n", out _)!;

        Assert.Equal("https://x", env["API_URL"]);
        Assert.Equal("false", env["DEBUG"]);
        Assert.Equal("10", ini["pool.size"]);
    }

    [Fact]
    public void Flatten_BrokenJson_SaysWhy()
    {
        Assert.Null(ConfigKeys.Flatten("a.json", "{\"a\": ", out var problem));
        Assert.StartsWith("a.json is not valid JSON", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config/app.yaml", true)]
    [InlineData("production.env", true)]
    [InlineData(".env.local", true)]
    [InlineData("src/App.cs", false)]
    public void IsConfigFile_ByName(string path, bool expected) => Assert.Equal(expected, ConfigKeys.IsConfigFile(path));
}
