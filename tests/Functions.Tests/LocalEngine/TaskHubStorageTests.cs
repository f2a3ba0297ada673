using RagnarokOps.Connectors.Azurite;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.LocalEngine;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.LocalEngine;

public sealed class TaskHubStorageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TaskHubStorageTests() => File.Copy(Path.Combine(RepoPaths.Root, "host.json"), _dir.Combine("host.json"));

    [Fact]
    public void From_NothingSet_IsDevelopmentStorage()
    {
        var storage = TaskHubStorage.From(HostConfiguration.Load(_dir.Path, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = null }));

        Assert.True(storage.IsDevelopmentStorage);
        Assert.Equal("Azurite (UseDevelopmentStorage=true)", storage.Description);
    }

    [Fact]
    public void From_ConnectionString_DescribesTheEndpointWithoutTheKey()
    {
        var connection = AzuriteServer.ConnectionStringFor(41000, 41001, 41002);

        var storage = TaskHubStorage.From(Load(new() { ["AzureWebJobsStorage"] = connection }));

        Assert.False(storage.IsDevelopmentStorage);
        Assert.Equal("storage 127.0.0.1:41001", storage.Description);
        Assert.DoesNotContain(AzuriteServer.DevelopmentAccountKey, storage.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NotAConnectionString_NamesTheSettingButNotTheValue()
    {
        var ex = Assert.Throws<HostConfigurationException>(() => TaskHubStorage.From(Load(new() { ["AzureWebJobsStorage"] = "s3cret-but-not-a-connection" })));

        Assert.StartsWith("AzureWebJobsStorage: not a storage connection string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_IdentityBasedWithOnlyTheBlobUri_SaysWhichSettingsAreMissing()
    {
        var ex = Assert.Throws<HostConfigurationException>(() => TaskHubStorage.From(Load(new() { ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net" })));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri and AzureWebJobsStorage__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_AccountName_UsesManagedIdentity()
    {
        var storage = TaskHubStorage.From(Load(new() { ["AzureWebJobsStorage:accountName"] = "ragnarokprod" }));

        Assert.Equal("storage account ragnarokprod (managed identity)", storage.Description);
        Assert.False(storage.IsDevelopmentStorage);
    }

    public void Dispose() => _dir.Dispose();

    private HostConfiguration Load(Dictionary<string, string?> values) => HostConfiguration.Load(_dir.Path, values);
}
