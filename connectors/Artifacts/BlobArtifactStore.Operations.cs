using System.Globalization;
using System.Xml.Linq;
using Azure.Core;

namespace RagnarokOps.Connectors.Artifacts;

internal sealed partial class BlobArtifactStore
{
    public async Task<ArtifactInfo> PutAsync(string caseId, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        for (var attempt = 0; ; attempt++)
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
            using var message = NewMessage(RequestMethod.Put, $"{caseId}/{name}");
            message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
            message.Request.Headers.SetValue("Content-Type", contentType);
            message.Request.Content = RequestContent.Create(content);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status == 201)
            {
                return new ArtifactInfo(caseId, name, contentType, content.Length, LastModified(response));
            }

            // Someone deleted the container after we made it: make it again, once.
            if (response.Status == 404 && attempt == 0 && BlobErrors.Code(response) == "ContainerNotFound")
            {
                _containerReady = false;
                continue;
            }

            throw BlobErrors.From(response, $"put {caseId}/{name}", _serviceEndpoint, AccountName);
        }
    }

    public async Task<Artifact?> GetAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        using var message = NewMessage(RequestMethod.Get, $"{caseId}/{name}");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw BlobErrors.From(response, $"get {caseId}/{name}", _serviceEndpoint, AccountName);
        }

        var bytes = response.Content.ToMemory();
        var contentType = response.Headers.ContentType ?? "application/octet-stream";
        return new Artifact(new ArtifactInfo(caseId, name, contentType, bytes.Length, LastModified(response)), bytes);
    }

    public async Task<IReadOnlyList<ArtifactInfo>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId);
        var infos = new List<ArtifactInfo>();
        string? marker = null;
        do
        {
            using var message = NewMessage(RequestMethod.Get, null);
            message.Request.Uri.AppendQuery("restype", "container");
            message.Request.Uri.AppendQuery("comp", "list");
            message.Request.Uri.AppendQuery("prefix", caseId + "/");
            if (marker is not null)
            {
                message.Request.Uri.AppendQuery("marker", marker);
            }

            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status == 404 && BlobErrors.Code(response) == "ContainerNotFound")
            {
                return [];
            }

            if (response.Status != 200)
            {
                throw BlobErrors.From(response, $"list {caseId}", _serviceEndpoint, AccountName);
            }

            var xml = XDocument.Parse(response.Content.ToString());
            foreach (var blob in xml.Descendants("Blob"))
            {
                var properties = blob.Element("Properties");
                var name = (blob.Element("Name")?.Value ?? string.Empty)[(caseId.Length + 1)..];
                infos.Add(new ArtifactInfo(
                    caseId,
                    name,
                    properties?.Element("Content-Type")?.Value ?? "application/octet-stream",
                    long.Parse(properties?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    DateTimeOffset.TryParse(properties?.Element("Last-Modified")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null));
            }

            marker = xml.Root?.Element("NextMarker")?.Value is { Length: > 0 } next ? next : null;
        }
        while (marker is not null);

        return infos.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> DeleteAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        using var message = NewMessage(RequestMethod.Delete, $"{caseId}/{name}");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => true,
            404 => false,
            _ => throw BlobErrors.From(response, $"delete {caseId}/{name}", _serviceEndpoint, AccountName),
        };
    }

    private static DateTimeOffset? LastModified(Azure.Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified)
            ? modified
            : null;
}
