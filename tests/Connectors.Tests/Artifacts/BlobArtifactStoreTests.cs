using System.Net;
using Azure.Core.Pipeline;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.Tests.Http;
using RagnarokOps.Connectors.Tests.LogAnalytics;

namespace RagnarokOps.Connectors.Tests.Artifacts;

[Collection(AzuriteCollection.Name)]
public sealed class BlobArtifactStoreTests(AzuriteFixture azurite) : ArtifactStoreContract
{
    // A fresh container per test: it is created on first use, and tests do not see each other's blobs.
    private readonly BlobArtifactStore _store = BlobArtifactStore.WithConnectionString(
        BlobConnectionString.Parse(azurite.ConnectionString),
        $"t{Guid.NewGuid():N}",
        new BlobStoreOptions(MaxRetries: 1, RetryDelay: TimeSpan.FromMilliseconds(10)));

    internal override IArtifactStore Store => _store;

    [Fact]
    public async Task PutAsync_WrongAccountKey_FailsWithAClearAuthenticationError()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = azurite.ConnectionString.Replace(BlobConnectionString.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal);
        var store = BlobArtifactStore.WithConnectionString(BlobConnectionString.Parse(connection), "wrongkey", new BlobStoreOptions(MaxRetries: 0));

        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync("case-1", "a.txt", "x"u8.ToArray(), "text/plain", CancellationToken.None));

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
        var connection = $"UseDevelopmentStorage=true";
        var parsed = BlobConnectionString.Parse(connection) with { BlobEndpoint = new Uri($"http://127.0.0.1:{port}/devstoreaccount1") };
        var store = BlobArtifactStore.WithConnectionString(parsed, "down", new BlobStoreOptions(MaxRetries: 1, RetryDelay: TimeSpan.FromMilliseconds(10)));

        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync("case-1", "a.txt", "x"u8.ToArray(), "text/plain", CancellationToken.None));

        Assert.Equal(ArtifactFailure.Unreachable, e.Failure);
        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_ContainerDeletedBehindItsBack_IsCreatedAgain()
    {
        await _store.PutAsync("case-1", "a.txt", "1"u8.ToArray(), "text/plain", CancellationToken.None);
        using var http = new HttpClient();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"http://127.0.0.1:{azurite.Port}/devstoreaccount1/{_store.Container}?restype=container");
        await SignAsync(delete);
        Assert.True((await http.SendAsync(delete)).IsSuccessStatusCode);

        await _store.PutAsync("case-1", "b.txt", "2"u8.ToArray(), "text/plain", CancellationToken.None);

        Assert.Equal(["b.txt"], (await _store.ListAsync("case-1", CancellationToken.None)).Select(i => i.Name));
    }

    [Fact]
    public async Task WithCredential_Put_CreatesContainerThenPutsWithStorageBearerToken()
    {
        var handler = new FakeHttpMessageHandler()
            .Then(HttpStatusCode.Created)
            .Then(HttpStatusCode.Created, headers: ("Last-Modified", "Wed, 01 May 2024 12:00:00 GMT"));
        var credential = new FakeTokenCredential("storage-token");
        var store = BlobArtifactStore.WithCredential(
            new Uri("https://prodst.blob.core.windows.net/"), credential, "cases", new BlobStoreOptions(Transport: new HttpClientTransport(new HttpClient(handler))));

        var info = await store.PutAsync("case-1", "report.md", "hi"u8.ToArray(), "text/markdown", CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), info.LastModified);
        Assert.Equal("https://prodst.blob.core.windows.net/cases?restype=container", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("https://prodst.blob.core.windows.net/cases/case-1/report.md", handler.Requests[1].Uri.AbsoluteUri);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer storage-token", r.Headers["Authorization"]));
        Assert.Equal(("BlockBlob", "text/markdown"), (handler.Requests[1].Headers["x-ms-blob-type"], handler.Requests[1].Headers["x-ms-blob-content-type"]));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
    }

    /// <summary>Signs a raw request with the same policy, through a one-off pipeline, to act as "someone else".</summary>
    private static Task SignAsync(HttpRequestMessage request)
    {
        var pipeline = Azure.Core.Pipeline.HttpPipelineBuilder.Build(new BlobStoreOptions().ToClientOptions());
        using var message = pipeline.CreateMessage();
        message.Request.Method = Azure.Core.RequestMethod.Delete;
        message.Request.Uri.Reset(request.RequestUri!);
        message.Request.Headers.SetValue("x-ms-version", BlobArtifactStore.ServiceVersion);
        new SharedKeyPolicy(BlobConnectionString.DevelopmentAccountName, Convert.FromBase64String(BlobConnectionString.DevelopmentAccountKey)).OnSendingRequest(message);
        foreach (var header in message.Request.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        return Task.CompletedTask;
    }
}
