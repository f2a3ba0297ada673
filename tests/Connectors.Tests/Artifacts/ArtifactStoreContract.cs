using System.Security.Cryptography;
using System.Text;
using RagnarokOps.Connectors.Artifacts;

namespace RagnarokOps.Connectors.Tests.Artifacts;

/// <summary>What every <see cref="IArtifactStore"/> promises; each implementation's test class inherits these.</summary>
public abstract class ArtifactStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    internal abstract IArtifactStore Store { get; }

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task PutAsync_ThenGetAsync_ReturnsBytesAndContentType()
    {
        var info = await Store.PutAsync("case-1", "report.md", Utf8("# Triage"), "text/markdown; charset=utf-8", None);

        var artifact = await Store.GetAsync("case-1", "report.md", None);

        Assert.Equal(("case-1", "report.md", 8L), (info.CaseId, info.Name, info.Length));
        Assert.NotNull(artifact);
        Assert.Equal("# Triage", Encoding.UTF8.GetString(artifact.Content.Span));
        Assert.Equal("text/markdown; charset=utf-8", artifact.Info.ContentType);
        Assert.Equal(8, artifact.Info.Length);
    }

    [Fact]
    public async Task PutAsync_SameArtifactTwice_LeavesOneWithThatContent()
    {
        await Store.PutAsync("case-2", "timeline.json", Utf8("[1]"), "application/json", None);
        await Store.PutAsync("case-2", "timeline.json", Utf8("[1]"), "application/json", None);

        var listed = await Store.ListAsync("case-2", None);

        var only = Assert.Single(listed);
        Assert.Equal(("timeline.json", "application/json", 3L), (only.Name, only.ContentType, only.Length));
    }

    [Fact]
    public async Task PutAsync_NewContent_ReplacesTheOld()
    {
        await Store.PutAsync("case-3", "a.txt", Utf8("old"), "text/plain", None);
        await Store.PutAsync("case-3", "a.txt", Utf8("new and longer"), "text/csv", None);

        var artifact = await Store.GetAsync("case-3", "a.txt", None);

        Assert.Equal("new and longer", Encoding.UTF8.GetString(artifact!.Content.Span));
        Assert.Equal("text/csv", artifact.Info.ContentType);
    }

    [Fact]
    public async Task ListAsync_TwoCasesWithSharedPrefix_ListsOnlyTheAskedCaseByName()
    {
        await Store.PutAsync("case-4", "b.json", Utf8("{}"), "application/json", None);
        await Store.PutAsync("case-4", "a.json", Utf8("{}"), "application/json", None);
        await Store.PutAsync("case-40", "c.json", Utf8("{}"), "application/json", None);

        var listed = await Store.ListAsync("case-4", None);

        Assert.Equal(["a.json", "b.json"], listed.Select(i => i.Name));
        Assert.All(listed, i => Assert.Equal("case-4", i.CaseId));
        Assert.All(listed, i => Assert.NotNull(i.LastModified));
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesItAndSaysSo()
    {
        await Store.PutAsync("case-5", "x.bin", new byte[] { 1, 2, 3 }, "application/octet-stream", None);

        Assert.True(await Store.DeleteAsync("case-5", "x.bin", None));
        Assert.Null(await Store.GetAsync("case-5", "x.bin", None));
        Assert.Empty(await Store.ListAsync("case-5", None));
        Assert.False(await Store.DeleteAsync("case-5", "x.bin", None));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNullAndListIsEmpty()
    {
        Assert.Null(await Store.GetAsync("case-none", "nothing.json", None));
        Assert.Empty(await Store.ListAsync("case-none", None));
    }

    [Fact]
    public async Task PutAsync_EightMegabytes_RoundTripsByteForByte()
    {
        var big = new byte[8 * 1024 * 1024];
        new Random(7).NextBytes(big);

        var info = await Store.PutAsync("case-big", "replay.bin", big, "application/octet-stream", None);
        var artifact = await Store.GetAsync("case-big", "replay.bin", None);

        Assert.Equal(big.Length, info.Length);
        Assert.Equal(SHA256.HashData(big), SHA256.HashData(artifact!.Content.Span));
    }

    [Theory]
    [InlineData("../etc", "passwd")]
    [InlineData("case-6", "../../x")]
    [InlineData("case-6", "a/b")]
    [InlineData("case 6", "a")]
    [InlineData("case-6", ".hidden")]
    public async Task PutAsync_NameThatCouldEscape_IsRefused(string caseId, string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(caseId, name, Utf8("x"), "text/plain", None));
}
