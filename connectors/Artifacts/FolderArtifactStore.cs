namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Artifacts as files: <c>{root}/{caseId}/{name}</c>, the content type beside each in <c>.{name}.content-type</c>.
/// Writes go to a temporary file first and are moved into place, so a reader never sees half an artifact.
/// </summary>
internal sealed class FolderArtifactStore(string root, TimeProvider? time = null) : IArtifactStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<ArtifactInfo> PutAsync(string caseId, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        var folder = Path.Combine(Root, caseId);
        return await IoAsync(async () =>
        {
            Directory.CreateDirectory(folder);
            await WriteAtomicallyAsync(Path.Combine(folder, TypeFile(name)), System.Text.Encoding.UTF8.GetBytes(contentType), cancellationToken);
            await WriteAtomicallyAsync(Path.Combine(folder, name), content, cancellationToken);
            return new ArtifactInfo(caseId, name, contentType, content.Length, _time.GetUtcNow());
        });
    }

    public async Task<Artifact?> GetAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        var path = Path.Combine(Root, caseId, name);
        return await IoAsync(async () =>
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return new Artifact(await InfoAsync(caseId, name, cancellationToken), bytes);
        });
    }

    public async Task<IReadOnlyList<ArtifactInfo>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId);
        var folder = Path.Combine(Root, caseId);
        return await IoAsync<IReadOnlyList<ArtifactInfo>>(async () =>
        {
            if (!Directory.Exists(folder))
            {
                return [];
            }

            var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
            var infos = new List<ArtifactInfo>(names.Count);
            foreach (var name in names)
            {
                infos.Add(await InfoAsync(caseId, name, cancellationToken));
            }

            return infos;
        });
    }

    public Task<bool> DeleteAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        ArtifactName.Validate(caseId, name);
        var path = Path.Combine(Root, caseId, name);
        return IoAsync(() =>
        {
            var existed = File.Exists(path);
            File.Delete(path);
            File.Delete(Path.Combine(Root, caseId, TypeFile(name)));
            return Task.FromResult(existed);
        });
    }

    private async Task<ArtifactInfo> InfoAsync(string caseId, string name, CancellationToken cancellationToken)
    {
        var file = new FileInfo(Path.Combine(Root, caseId, name));
        var typeFile = Path.Combine(Root, caseId, TypeFile(name));
        var contentType = File.Exists(typeFile) ? await File.ReadAllTextAsync(typeFile, cancellationToken) : "application/octet-stream";
        return new ArtifactInfo(caseId, name, contentType, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
    }

    private static string TypeFile(string name) => $".{name}.content-type";

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        // A dot name, so ListAsync never shows a write in progress.
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(bytes, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<T> IoAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArtifactStoreException(ArtifactFailure.Io, $"artifact folder {Root}: {e.Message}", inner: e);
        }
    }
}
