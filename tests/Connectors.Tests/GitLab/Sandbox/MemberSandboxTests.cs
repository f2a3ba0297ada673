using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Members (approver access levels) and wiki pages through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class MemberSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task ListMembersAsync_DirectAndInherited_SeededPeopleWithTheirLevels()
    {
        var direct = await _client.ListMembersAsync(sandbox.Project, includeInherited: false, Ct).ToListAsync(Ct);
        var all = await _client.ListMembersAsync(sandbox.Project, includeInherited: true, Ct).ToListAsync(Ct);

        var levels = direct.ToDictionary(m => m.Username, m => m.AccessLevel);
        Assert.Equal(GitLabAccessLevel.Owner, levels["root"]);
        Assert.Equal(GitLabAccessLevel.Maintainer, levels["alice"]);
        Assert.Equal(GitLabAccessLevel.Developer, levels["bob"]);
        Assert.Equal(GitLabAccessLevel.Maintainer, levels["carol"]);
        Assert.Equal(GitLabAccessLevel.Developer, levels["dave"]);
        Assert.Subset(all.Select(m => m.Username).ToHashSet(), direct.Select(m => m.Username).ToHashSet());
    }

    [Fact]
    public async Task GetMemberAsync_MaintainerDeveloperAndStranger_LevelsOrNull()
    {
        var members = await _client.ListMembersAsync(sandbox.Project, includeInherited: true, Ct).ToListAsync(Ct);

        var alice = await _client.GetMemberAsync(sandbox.Project, members.Single(m => m.Username == "alice").Id, Ct);
        var dave = await _client.GetMemberAsync(sandbox.Project, members.Single(m => m.Username == "dave").Id, Ct);
        var stranger = await _client.GetMemberAsync(sandbox.Project, 424_242, Ct);

        Assert.Equal("alice", alice?.Username);
        Assert.Equal(GitLabAccessLevel.Maintainer, alice?.AccessLevel);
        Assert.Equal(GitLabAccessLevel.Developer, dave?.AccessLevel);
        Assert.Null(stranger);
    }

    [Fact]
    public async Task WikiPages_CreateThenUpdate_KeepsSlugAndReplacesContent()
    {
        var title = GitLabSandboxFixture.Unique("Postmortem checkout");

        var created = await _client.CreateWikiPageAsync(sandbox.Project, title, "# Draft\n\nCulprit: pending.", Ct);
        var updated = await _client.UpdateWikiPageAsync(sandbox.Project, created.Slug, $"# Final\n\nCulprit: {sandbox.Truth.CulpritSha}", null, Ct);
        var renamed = await _client.UpdateWikiPageAsync(sandbox.Project, updated.Slug, "# Final", title + " final", Ct);

        Assert.Equal(title, created.Title);
        Assert.Equal(title.Replace(' ', '-'), created.Slug);
        Assert.Equal("markdown", created.Format);
        Assert.Equal(created.Slug, updated.Slug);
        Assert.Equal(title, updated.Title);
        Assert.Equal($"# Final\n\nCulprit: {sandbox.Truth.CulpritSha}", updated.Content);
        Assert.Equal(title + " final", renamed.Title);
    }
}
