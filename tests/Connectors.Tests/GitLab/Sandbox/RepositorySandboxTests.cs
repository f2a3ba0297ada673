using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Files, tree and branches through the client against the sandbox's real git repository.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class RepositorySandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task GetFileAsync_CulpritFileAtCulpritAndParent_ShowsTheDroppedNullCheck()
    {
        var culprit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);

        var after = await _client.GetFileAsync(sandbox.Project, sandbox.Truth.CulpritFile!, culprit.Id, Ct);
        var before = await _client.GetFileAsync(sandbox.Project, sandbox.Truth.CulpritFile!, culprit.ParentIds![0], Ct);

        Assert.Contains("Coupon!.Percent", after.DecodeContent(), StringComparison.Ordinal);
        Assert.Contains("Coupon?.Percent ?? 0m", before.DecodeContent(), StringComparison.Ordinal);
        Assert.Equal(sandbox.Truth.CulpritSha, after.LastCommitId);
        Assert.Equal(culprit.Id, after.Ref);
        Assert.Equal("CheckoutController.cs", after.FileName);
        Assert.Equal(sandbox.Truth.CulpritFile, after.FilePath);
        Assert.NotEqual(after.BlobId, before.BlobId);
    }

    [Fact]
    public async Task GetRawFileAsync_PolicyFileOnMain_EqualsDecodedMetadataContent()
    {
        var raw = await _client.GetRawFileAsync(sandbox.Project, ".ragnarok.yaml", "main", Ct);
        var file = await _client.GetFileAsync(sandbox.Project, ".ragnarok.yaml", "main", Ct);

        Assert.Equal(file.DecodeContent(), raw);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(raw), file.Size);
        Assert.Equal("base64", file.Encoding);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(raw))), file.ContentSha256);
    }

    [Fact]
    public async Task GetFileAsync_MissingFile_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.GetFileAsync(sandbox.Project, "no/such/file.txt", "main", Ct));

        Assert.True(ex.IsNotFound);
    }

    [Fact]
    public async Task ListTreeAsync_RecursiveAndByPath_ListsBlobsAndTrees()
    {
        var all = await _client.ListTreeAsync(sandbox.Project, null, "main", recursive: true, Ct).ToListAsync(Ct);
        var api = await _client.ListTreeAsync(sandbox.Project, "src/Checkout.Api", "main", recursive: false, Ct).ToListAsync(Ct);

        Assert.Contains(all, i => i.Path == sandbox.Truth.CulpritFile && i.Type == "blob");
        Assert.Contains(all, i => i.Path == "CODEOWNERS" && i.Type == "blob");
        Assert.Contains(all, i => i.Path == "src" && i.Type == "tree");
        Assert.Contains(api, i => i.Name == "Controllers" && i.Type == "tree" && i.Path == "src/Checkout.Api/Controllers");
        Assert.Contains(api, i => i.Name == "Program.cs" && i.Type == "blob");
        Assert.DoesNotContain(api, i => i.Path == sandbox.Truth.CulpritFile);
    }

    [Fact]
    public async Task ListBranchesAsync_Seeded_HasDefaultMainAndDeployedBranches()
    {
        var branches = await _client.ListBranchesAsync(sandbox.Project, null, Ct).ToListAsync(Ct);

        var main = Assert.Single(branches, b => b.Name == "main");
        Assert.True(main.Default);
        Assert.Contains(branches, b => b.Name == "production" && b.Protected);
        Assert.Contains(branches, b => b.Name == "staging");
    }

    [Fact]
    public async Task CreateBranchAsync_FromCulpritParent_SearchFindsItAtThatCommit()
    {
        var culprit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);
        var name = GitLabSandboxFixture.Unique("rollback");

        var created = await _client.CreateBranchAsync(sandbox.Project, name, culprit.ParentIds![0], Ct);
        var found = await _client.ListBranchesAsync(sandbox.Project, name, Ct).ToListAsync(Ct);

        Assert.Equal(name, created.Name);
        Assert.Equal(culprit.ParentIds[0], created.Commit.Id);
        Assert.False(created.Default);
        var listed = Assert.Single(found);
        Assert.Equal(culprit.ParentIds[0], listed.Commit.Id);
    }

    [Fact]
    public async Task ListBranchesAsync_AnchoredSearch_PrefixAndSuffixAsGitLab()
    {
        var suffix = GitLabSandboxFixture.Unique("x");
        await _client.CreateBranchAsync(sandbox.Project, $"ragnarok/revert-{suffix}", "main", Ct);
        await _client.CreateBranchAsync(sandbox.Project, $"hotfix/ragnarok/revert-{suffix}", "main", Ct);

        var prefixed = await _client.ListBranchesAsync(sandbox.Project, $"^ragnarok/revert-{suffix}", Ct).ToListAsync(Ct);
        var suffixed = await _client.ListBranchesAsync(sandbox.Project, $"{suffix}$", Ct).ToListAsync(Ct);

        Assert.Equal([$"ragnarok/revert-{suffix}"], prefixed.Select(b => b.Name));
        Assert.Equal(2, suffixed.Count);
    }

    [Fact]
    public async Task CreateBranchAsync_ExistingName_ThrowsBadRequestWithGitLabsMessage()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.CreateBranchAsync(sandbox.Project, "main", "main", Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("Branch already exists", ex.GitLabMessage);
    }
}
