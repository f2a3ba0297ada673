using Azure.Storage.Blobs.Models;

namespace RagnarokOps.Connectors.Artifacts;

internal sealed partial class BlobArtifactStore
{
    private const string DefaultContentType = "application/octet-stream";
    private static readonly string ContainerNotFound = BlobErrorCode.ContainerNotFound.ToString();

    public async Task<ArtifactInfo> PutAsync(string caseId, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        var blob = _container.GetBlobClient($"{caseId}/{name}");
        // No conditions: a put replaces what is there, so an activity that runs twice writes the same artifact.
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        for (var attempt = 0; ; attempt++)
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var response = await CallAsync($"put {caseId}/{name}", () => blob.UploadAsync(BinaryData.FromBytes(content), upload, cancellationToken)).ConfigureAwait(false);
                return new ArtifactInfo(caseId, name, contentType, content.Length, response.Value.LastModified);
            }
            catch (ArtifactStoreException e) when (attempt == 0 && e.ErrorCode == ContainerNotFound)
            {
                // Someone deleted the container after we made it: make it again, once.
                _containerReady = false;
            }
        }
    }

    public async Task<Artifact?> GetAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        var blob = _container.GetBlobClient($"{caseId}/{name}");
        try
        {
            var result = (await CallAsync($"get {caseId}/{name}", () => blob.DownloadContentAsync(cancellationToken)).ConfigureAwait(false)).Value;
            var bytes = result.Content.ToMemory();
            var contentType = result.Details.ContentType is { Length: > 0 } type ? type : DefaultContentType;
            return new Artifact(new ArtifactInfo(caseId, name, contentType, bytes.Length, result.Details.LastModified), bytes);
        }
        catch (ArtifactStoreException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ArtifactInfo>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId);
        var prefix = caseId + "/";
        try
        {
            return await CallAsync($"list {caseId}", async () =>
            {
                var infos = new List<ArtifactInfo>();
                await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
                {
                    var properties = item.Properties;
                    infos.Add(new ArtifactInfo(
                        caseId,
                        item.Name[prefix.Length..],
                        properties.ContentType is { Length: > 0 } type ? type : DefaultContentType,
                        properties.ContentLength ?? 0,
                        properties.LastModified));
                }

                return infos.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
            }).ConfigureAwait(false);
        }
        catch (ArtifactStoreException e) when (e.ErrorCode == ContainerNotFound)
        {
            return [];
        }
    }

    public async Task<bool> DeleteAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        var blob = _container.GetBlobClient($"{caseId}/{name}");
        // DeleteIfExists answers false for a missing blob and for a missing container alike.
        var response = await CallAsync($"delete {caseId}/{name}", () => blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.Value;
    }
}
