using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Hosting;

public sealed class HostJsonTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Load_RepositoryHostJson_ReadsFunctionsShape()
    {
        var host = HostJson.Load(Path.Combine(RepoPaths.Root, "host.json"));

        Assert.Equal("2.0", host.Version);
        Assert.Equal("api", host.RoutePrefix);
        Assert.Equal("RagnarokHub", host.DurableTask.HubName);
        Assert.Equal("AzureWebJobsStorage", host.DurableTask.ConnectionName);
        Assert.Equal(TimeSpan.FromSeconds(1), host.DurableTask.MaxQueuePollingInterval);
        Assert.Equal(4, host.DurableTask.PartitionCount);
        Assert.Equal("Warning", host.LogLevels["Microsoft.AspNetCore"]);
    }

    [Fact]
    public void Load_MinimalFile_FillsDefaults()
    {
        var host = HostJson.Load(Write("""{ "version": "2.0" }"""));

        Assert.Equal(HostJson.Defaults.RoutePrefix, host.RoutePrefix);
        Assert.Equal(HostJson.Defaults.DurableTask, host.DurableTask);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted()
    {
        var host = HostJson.Load(Write("""
            {
              // as the Functions host allows
              "version": "2.0",
              "extensions": { "http": { "routePrefix": "hooks", }, },
            }
            """));

        Assert.Equal("hooks", host.RoutePrefix);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = _dir.Combine("host.json");

        var ex = Assert.Throws<HostConfigurationException>(() => HostJson.Load(path));

        Assert.StartsWith("host.json: file not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxError_NamesLineAndColumn()
    {
        var path = Write("{\n  \"version\": \"2.0\",\n  \"extensions\" {\n}\n");

        var ex = Assert.Throws<HostConfigurationException>(() => HostJson.Load(path));

        Assert.StartsWith("host.json(3,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Load_WrongType_NamesLineAndField()
    {
        var path = Write("""
            {
              "version": "2.0",
              "extensions": {
                "durableTask": {
                  "hubName": 42
                }
              }
            }
            """);

        var ex = Assert.Throws<HostConfigurationException>(() => HostJson.Load(path));

        Assert.StartsWith("host.json(5,7): extensions.durableTask.hubName: expected a string, found a number", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version": "1.0" }""", "host.json(1,3): version: must be \"2.0\"")]
    [InlineData("""{ "extensions": {} }""", "host.json(1,1): version: missing")]
    [InlineData("""{ "version": "2.0", "extensions": { "durableTask": { "hubName": "a b" } } }""", "extensions.durableTask.hubName: \"a b\" must start with a letter")]
    [InlineData("""{ "version": "2.0", "extensions": { "durableTask": { "storageProvider": { "type": "mssql" } } } }""", "extensions.durableTask.storageProvider.type: \"mssql\" is not supported; this app runs on \"AzureStorage\" (Azurite locally)")]
    [InlineData("""{ "version": "2.0", "extensions": { "durableTask": { "storageProvider": { "maxQueuePollingInterval": "soon" } } } }""", "extensions.durableTask.storageProvider.maxQueuePollingInterval: expected a duration such as \"00:00:30\", found \"soon\"")]
    [InlineData("""{ "version": "2.0", "extensions": { "durableTask": { "storageProvider": { "partitionCount": 40 } } } }""", "extensions.durableTask.storageProvider.partitionCount: must be between 1 and 16, found 40")]
    [InlineData("""{ "version": "2.0", "extensions": { "durableTask": { "extendedSessionsEnabled": "yes" } } }""", "extensions.durableTask.extendedSessionsEnabled: expected true or false, found a string")]
    [InlineData("""{ "version": "2.0", "extensions": { "durableTask": { "maxConcurrentActivityFunctions": 0 } } }""", "extensions.durableTask.maxConcurrentActivityFunctions: must be between 1 and 1000, found 0")]
    [InlineData("""{ "version": "2.0", "logging": { "logLevel": { "default": "Loud" } } }""", "logging.logLevel.default: expected one of Trace")]
    [InlineData("""[1, 2]""", "host.json(1,1): the file must hold a JSON object")]
    public void Load_InvalidField_ExplainsIt(string json, string expected)
    {
        var ex = Assert.Throws<HostConfigurationException>(() => HostJson.Load(Write(json)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string json)
    {
        var path = _dir.Combine("host.json");
        File.WriteAllText(path, json);
        return path;
    }
}
