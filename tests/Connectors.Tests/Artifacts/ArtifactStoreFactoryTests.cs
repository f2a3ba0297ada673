using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.Tests.LogAnalytics;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Artifacts;

public sealed class ArtifactStoreFactoryTests : IDisposable
{
    private readonly TempDirectory _data = new("ragnarok-data");

    public void Dispose() => _data.Dispose();

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Create_NoStorageSetting_IsAFolderUnderTheDataDirectory()
    {
        var store = Assert.IsType<FolderArtifactStore>(ArtifactStoreFactory.Create(Settings(("AzureWebJobsStorage", "")), _data.Path));

        Assert.Equal(_data.Combine("artifacts"), store.Root);
    }

    [Fact]
    public void Create_UseDevelopmentStorage_IsBlobOnAzuriteWithTheDefaultContainer()
    {
        var store = Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")), _data.Path));

        Assert.Equal(("devstoreaccount1", "ragnarok-artifacts"), (store.AccountName, store.Container));
    }

    [Fact]
    public void Create_ConnectionStringAndContainerSetting_IsThatAccountAndContainer()
    {
        var store = Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(
            Settings(("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=prodst;AccountKey=a2V5"), ("Artifacts:Container", "cases")),
            _data.Path));

        Assert.Equal(("prodst", "cases"), (store.AccountName, store.Container));
    }

    [Fact]
    public void Create_IdentityBasedBlobServiceUri_UsesTheGivenCredential()
    {
        var store = Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(
            Settings(("AzureWebJobsStorage:blobServiceUri", "https://prodst.blob.core.windows.net/")),
            _data.Path,
            new FakeTokenCredential()));

        Assert.Equal("prodst", store.AccountName);
    }

    [Fact]
    public void Create_IdentityBasedAccountName_IsThatAccountsBlobEndpoint()
    {
        var store = Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(Settings(("AzureWebJobsStorage:accountName", "prodst")), _data.Path, new FakeTokenCredential()));

        Assert.Equal(("prodst", "ragnarok-artifacts"), (store.AccountName, store.Container));
    }

    [Fact]
    public void Create_BadConnectionString_NamesTheSettingAndHidesTheKey()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ArtifactStoreFactory.Create(Settings(("AzureWebJobsStorage", "AccountName=x;AccountKey=%%hidden%%")), _data.Path));

        Assert.StartsWith("AzureWebJobsStorage:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PlainHttpBlobServiceUri_IsRefusedBecauseTokensNeedTls()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ArtifactStoreFactory.Create(Settings(("AzureWebJobsStorage:blobServiceUri", "http://prodst.blob.core.windows.net")), _data.Path));

        Assert.StartsWith("AzureWebJobsStorage__blobServiceUri:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ProdSt")]
    [InlineData("st")]
    [InlineData("prodst.blob.core.windows.net")]
    public void Create_BadAccountName_NamesTheSetting(string account)
    {
        var e = Assert.Throws<InvalidOperationException>(() => ArtifactStoreFactory.Create(Settings(("AzureWebJobsStorage:accountName", account)), _data.Path));

        Assert.StartsWith("AzureWebJobsStorage__accountName:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRagnarokArtifactStore_Empty_ResolvesAWorkingFolderStore()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<TokenCredential>(new FakeTokenCredential())
            .AddRagnarokArtifactStore(Settings(), _data.Path)
            .BuildServiceProvider();

        var store = provider.GetRequiredService<IArtifactStore>();
        await store.PutAsync("case-1", "a.txt", "x"u8.ToArray(), "text/plain", CancellationToken.None);

        Assert.True(File.Exists(_data.Combine("artifacts", "case-1", "a.txt")));
    }
}
