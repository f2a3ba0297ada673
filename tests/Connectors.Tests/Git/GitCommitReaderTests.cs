using RagnarokOps.Connectors.Git;

namespace RagnarokOps.Connectors.Tests.Git;

public sealed class GitCommitReaderTests
{
    private static GitCommitReader Reader() => new(new GitCli());

    [Fact]
    public async Task ReadRangeAsync_Clone_ReadsCommitsFilesAndDiffsNewestFirst()
    {
        using var repo = new GitTestRepository();
        repo.Write("src/App.cs", "class App\n{\n    int X = 1;\n}\n");
        var first = repo.Commit("Start");
        repo.Write("src/App.cs", "class App\n{\n    int X = 2;\n}\n");
        repo.Write("docs/notes.md", "hello\n");
        var second = repo.Commit("Change X\n\nBecause two is better.");

        var commits = await Reader().ReadRangeAsync(repo.Path, $"{first}..HEAD", CancellationToken.None);

        var commit = Assert.Single(commits);
        Assert.Equal(second, commit.Sha);
        Assert.Equal("Change X", commit.Title);
        Assert.Contains("Because two is better.", commit.Message, StringComparison.Ordinal);
        Assert.Equal([first], commit.ParentShas);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), commit.CommittedAt.UtcDateTime.Date);
        var app = Assert.Single(commit.Files, f => f.Path == "src/App.cs");
        Assert.Contains("-    int X = 1;", app.Diff, StringComparison.Ordinal);
        Assert.Contains("+    int X = 2;", app.Diff, StringComparison.Ordinal);
        var notes = Assert.Single(commit.Files, f => f.Path == "docs/notes.md");
        Assert.True(notes.IsNew);
    }

    [Fact]
    public async Task ReadRangeAsync_RangeWithMerge_LeavesTheMergeOutButKeepsWhatItCarries()
    {
        using var repo = new GitTestRepository();
        repo.Write("a.txt", "a\n");
        var start = repo.Commit("Start");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("b.txt", "b\n");
        var carried = repo.Commit("Add b");
        repo.Git("checkout", "-q", "main");
        repo.Write("c.txt", "c\n");
        repo.Commit("Add c");
        repo.Git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        var merge = repo.Head();

        var commits = await Reader().ReadRangeAsync(repo.Path, $"{start}..main", CancellationToken.None);

        Assert.DoesNotContain(commits, c => c.Sha == merge);
        Assert.Contains(commits, c => c.Sha == carried);
        Assert.Equal(2, commits.Count);
        Assert.All(commits, c => Assert.False(c.IsMerge));
    }

    [Fact]
    public async Task ReadRangeAsync_BareRepository_ReadsTheSameAsTheClone()
    {
        using var repo = new GitTestRepository();
        repo.Write("x.cs", "one\n");
        var start = repo.Commit("One");
        repo.Write("x.cs", "two\n");
        repo.Git("mv", "x.cs", "y.cs");
        repo.Commit("Rename and change");
        var bare = repo.CloneBare();

        var fromClone = await Reader().ReadRangeAsync(repo.Path, $"{start}..HEAD", CancellationToken.None);
        var fromBare = await Reader().ReadRangeAsync(bare, $"{start}..HEAD", CancellationToken.None);

        Assert.Equal(fromClone.Select(c => (c.Sha, c.Files.Count)), fromBare.Select(c => (c.Sha, c.Files.Count)));
        Assert.Equal(fromClone[0].Files.Select(f => f.Path), fromBare[0].Files.Select(f => f.Path));
    }

    [Fact]
    public async Task ReadRangeAsync_UnknownRevision_ThrowsWithGitsMessage()
    {
        using var repo = new GitTestRepository();
        repo.Write("a.txt", "a\n");
        repo.Commit("Start");

        var ex = await Assert.ThrowsAsync<GitException>(() => Reader().ReadRangeAsync(repo.Path, "nope..HEAD", CancellationToken.None));

        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRangeAsync_OptionLikeRange_IsRefused()
    {
        using var repo = new GitTestRepository();

        await Assert.ThrowsAsync<ArgumentException>(() => Reader().ReadRangeAsync(repo.Path, "--output=/tmp/x", CancellationToken.None));
    }
}
