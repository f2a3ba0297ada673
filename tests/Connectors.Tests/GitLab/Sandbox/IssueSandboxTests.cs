using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Issues, notes and labels through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class IssueSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task CreateIssueAsync_GroundTruthIncident_GetReturnsItWithLabels()
    {
        var truth = sandbox.Truth;
        var title = $"{truth.IssueTitle} ({GitLabSandboxFixture.Unique("t")})";

        var created = await _client.CreateIssueAsync(sandbox.Project,
            new GitLabNewIssue { Title = title, Description = truth.IssueDescription, Labels = string.Join(',', truth.IssueLabels) }, Ct);
        var fetched = await _client.GetIssueAsync(sandbox.Project, created.Iid, Ct);

        Assert.Equal(truth.ProjectId, created.ProjectId);
        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal(title, fetched.Title);
        Assert.Equal(truth.IssueDescription, fetched.Description);
        Assert.Equal("opened", fetched.State);
        Assert.Equal(truth.IssueLabels, fetched.Labels);
        Assert.Equal("root", fetched.Author?.Username);
    }

    [Fact]
    public async Task UpdateIssueLabelsAsync_AddAndRemove_LeavesOtherLabelsAlone()
    {
        var issue = await NewIssueAsync("escalation::critical,service::checkout");

        var updated = await _client.UpdateIssueLabelsAsync(sandbox.Project, issue.Iid,
            new GitLabLabelChange { Add = ["ragnarok::investigating", "triaged"], Remove = ["escalation::critical"] }, Ct);
        var fetched = await _client.GetIssueAsync(sandbox.Project, issue.Iid, Ct);

        Assert.Equal(["ragnarok::investigating", "service::checkout", "triaged"], updated.Labels);
        Assert.Equal(updated.Labels, fetched.Labels);
    }

    [Fact]
    public async Task UpdateIssueLabelsAsync_NothingToChange_ReturnsTheIssueInsteadOfGitLabs400()
    {
        var issue = await NewIssueAsync("service::checkout");

        var unchanged = await _client.UpdateIssueLabelsAsync(sandbox.Project, issue.Iid, new GitLabLabelChange(), Ct);

        Assert.Equal(issue.Id, unchanged.Id);
        Assert.Equal(["service::checkout"], unchanged.Labels);
    }

    [Fact]
    public async Task IssueNotes_CreateListUpdate_ListShowsEditedBodyInCreationOrder()
    {
        var issue = await NewIssueAsync(null);
        var first = await _client.CreateIssueNoteAsync(sandbox.Project, issue.Iid, "Investigating: **checkout** 500s <since deploy>", Ct);
        var second = await _client.CreateIssueNoteAsync(sandbox.Project, issue.Iid, "Suspect commit found.", Ct);

        var edited = await _client.UpdateIssueNoteAsync(sandbox.Project, issue.Iid, first.Id, "Investigating: done", Ct);
        var notes = await _client.ListIssueNotesAsync(sandbox.Project, issue.Iid, Ct).ToListAsync(Ct);

        Assert.Equal("Investigating: **checkout** 500s <since deploy>", first.Body);
        Assert.Equal("root", first.Author?.Username);
        Assert.Equal("Investigating: done", edited.Body);
        Assert.Equal([first.Id, second.Id], notes.Select(n => n.Id));
        Assert.Equal(["Investigating: done", "Suspect commit found."], notes.Select(n => n.Body));
        Assert.All(notes, n => Assert.Equal(issue.Id, n.NoteableId));
    }

    [Fact]
    public async Task IssueNotes_UnknownIssue_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() =>
            _client.CreateIssueNoteAsync(sandbox.Project, 999_999, "hello", Ct));

        Assert.True(ex.IsNotFound);
        Assert.Contains("/issues/999999/notes", ex.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLabelAsync_NewLabel_ListLabelsReturnsIt()
    {
        var name = GitLabSandboxFixture.Unique("ragnarok::label");

        var created = await _client.CreateLabelAsync(sandbox.Project, name, "#d9534f", "Raised by RagnarokOps", Ct);
        var labels = await _client.ListLabelsAsync(sandbox.Project, Ct).ToListAsync(Ct);

        var listed = Assert.Single(labels, l => l.Name == name);
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal("#d9534f", listed.Color);
        Assert.Equal("Raised by RagnarokOps", listed.Description);
    }

    private Task<GitLabIssue> NewIssueAsync(string? labels) =>
        _client.CreateIssueAsync(sandbox.Project,
            new GitLabNewIssue { Title = GitLabSandboxFixture.Unique("issue"), Description = "from a test", Labels = labels }, Ct);
}
