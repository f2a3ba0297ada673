using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Artifacts;

public sealed class FolderArtifactStoreTests : ArtifactStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new("ragnarok-artifacts");
    private readonly FolderArtifactStore _store;

    public FolderArtifactStoreTests() => _store = new FolderArtifactStore(_temp.Combine("artifacts"));

    internal override IArtifactStore Store => _store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PutAsync_Artifact_IsAPlainFileUnderTheCaseFolderWithNoTemporaryLeft()
    {
        await _store.PutAsync("case-7", "report.md", "hi"u8.ToArray(), "text/markdown", CancellationToken.None);

        Assert.Equal("hi", File.ReadAllText(_temp.Combine("artifacts", "case-7", "report.md")));
        Assert.DoesNotContain(Directory.EnumerateFiles(_temp.Combine("artifacts", "case-7")), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
