using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Configuration;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.Tests.Http;
using RagnarokOps.Connectors.Tests.LogAnalytics;

namespace RagnarokOps.Connectors.Tests.Artifacts;

[Collection(AzuriteCollection.Name)]
public sealed class BlobArtifactStoreTests(AzuriteFixture azurite) : ArtifactStoreContract
{
    private static readonly BlobStoreOptions Quick = new(MaxRetries: 1, RetryDelay: TimeSpan.FromMilliseconds(10));

    // A fresh container per test: it is created on first use, and tests do not see each other's blobs.
    private readonly BlobArtifactStore _store = Open(azurite.ConnectionString, $"t{Guid.NewGuid():N}");

    internal override IArtifactStore Store => _store;

    /// <summary>The store the host would build from these settings (AzureWebJobsStorage, Artifacts:Container).</summary>
    private static BlobArtifactStore Open(string connectionString, string container, BlobStoreOptions? options = null) =>
        Assert.IsType<BlobArtifactStore>(ArtifactStoreFactory.Create(
            new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", connectionString), new("Artifacts:Container", container)]).Build(),
            Path.GetTempPath(),
            options: options ?? Quick));

    private static Task PutAsync(IArtifactStore store, string name = "a.txt") =>
        store.PutAsync("case-1", name, "x"u8.ToArray(), "text/plain", CancellationToken.None);

    [Fact]
    public async Task PutAsync_WrongAccountKey_FailsWithAClearAuthenticationError()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var store = Open(azurite.ConnectionString.Replace(AzuriteFixture.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal), "wrongkey", new BlobStoreOptions(MaxRetries: 0));

        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => PutAsync(store));

        Assert.Equal(ArtifactFailure.AuthenticationFailed, e.Failure);
        Assert.Equal(403, e.Status);
        // Azure answers AuthenticationFailed, Azurite AuthorizationFailure; both are the service's own code.
        Assert.Contains(e.ErrorCode, new[] { "AuthenticationFailed", "AuthorizationFailure" });
        Assert.Contains("refused the credentials for account 'devstoreaccount1'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_AzuriteDown_FailsWithAClearConnectionError()
    {
        var port = AzuriteFixture.FreePort();
        var store = Open(azurite.ConnectionString.Replace($"127.0.0.1:{azurite.Port}", $"127.0.0.1:{port}", StringComparison.Ordinal), "down");

        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => PutAsync(store));

        Assert.Equal(ArtifactFailure.Unreachable, e.Failure);
        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_ContainerDeletedBehindItsBack_IsCreatedAgain()
    {
        await PutAsync(_store, "a.txt");
        await new BlobServiceClient(azurite.ConnectionString, new BlobStoreOptions().ToClientOptions()).GetBlobContainerClient(_store.Container).DeleteAsync();

        await PutAsync(_store, "b.txt");

        Assert.Equal(["b.txt"], (await _store.ListAsync("case-1", CancellationToken.None)).Select(i => i.Name));
    }

    [Fact]
    public async Task DeleteAsync_ContainerNeverCreated_ReturnsFalse() =>
        Assert.False(await _store.DeleteAsync("case-1", "a.txt", CancellationToken.None));

    [Fact]
    public async Task PutAsync_SharedAccessSignatureConnectionString_RoundTrips()
    {
        var store = Open(SasConnectionString(AccountSasPermissions.All), $"t{Guid.NewGuid():N}");

        await PutAsync(store);

        var artifact = await store.GetAsync("case-1", "a.txt", CancellationToken.None);
        Assert.Equal("x", System.Text.Encoding.UTF8.GetString(artifact!.Content.Span));
    }

    [Fact]
    public async Task PutAsync_ReadOnlySignature_IsRefusedWithoutShowingTheSignature()
    {
        var connection = SasConnectionString(AccountSasPermissions.Read | AccountSasPermissions.List);
        var signature = connection[(connection.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        var store = Open(connection, $"t{Guid.NewGuid():N}", new BlobStoreOptions(MaxRetries: 0));

        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => PutAsync(store));

        Assert.Equal((ArtifactFailure.AuthenticationFailed, 403), (e.Failure, e.Status));
        Assert.DoesNotContain(signature, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.UnescapeDataString(signature), e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_IdentityBasedAccount_CreatesContainerThenPutsWithStorageBearerToken()
    {
        var handler = new FakeHttpMessageHandler()
            .Then(HttpStatusCode.Created)
            .Then(HttpStatusCode.Created, headers: ("Last-Modified", "Wed, 01 May 2024 12:00:00 GMT"));
        var credential = new FakeTokenCredential("storage-token");
        var store = ArtifactStoreFactory.Create(
            new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage:blobServiceUri", "https://prodst.blob.core.windows.net/"), new("Artifacts:Container", "cases")]).Build(),
            Path.GetTempPath(),
            credential,
            new BlobStoreOptions(Transport: new HttpClientTransport(new HttpClient(handler))));

        var info = await store.PutAsync("case-1", "report.md", "hi"u8.ToArray(), "text/markdown", CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), info.LastModified);
        Assert.Equal("https://prodst.blob.core.windows.net/cases?restype=container", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("https://prodst.blob.core.windows.net/cases/case-1/report.md", handler.Requests[1].Uri.AbsoluteUri);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer storage-token", r.Headers["Authorization"]));
        Assert.All(handler.Requests, r => Assert.Equal("2026-06-06", r.Headers["x-ms-version"]));
        Assert.Equal(("BlockBlob", "text/markdown"), (handler.Requests[1].Headers["x-ms-blob-type"], handler.Requests[1].Headers["x-ms-blob-content-type"]));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
    }

    /// <summary>An account SAS made with the development key, as a connection string without the key.</summary>
    private string SasConnectionString(AccountSasPermissions permissions)
    {
        var sas = new BlobServiceClient(azurite.ConnectionString)
            .GenerateAccountSasUri(permissions, DateTimeOffset.UtcNow.AddHours(1), AccountSasResourceTypes.All);
        return $"BlobEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;SharedAccessSignature={sas.Query.TrimStart('?')}";
    }
}
