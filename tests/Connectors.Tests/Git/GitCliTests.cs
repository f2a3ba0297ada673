using RagnarokOps.Connectors.Git;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Git;

public sealed class GitCliTests
{
    [Fact]
    public async Task RunAsync_ArgumentsWithSpaces_AreNotSplitByAShell()
    {
        using var repo = new GitTestRepository();
        repo.Write("a file.txt", "x\n");
        repo.Commit("message with spaces; and $(no shell)");

        var log = await new GitCli().RunAsync(repo.Path, ["log", "--format=%s", "-1"], CancellationToken.None);

        Assert.Equal("message with spaces; and $(no shell)\n", log);
    }

    [Fact]
    public async Task RunAsync_NotARepository_ThrowsWithGitsError()
    {
        using var temp = new TempDirectory();

        var ex = await Assert.ThrowsAsync<GitException>(() => new GitCli().RunAsync(temp.Path, ["log"], CancellationToken.None));

        Assert.Contains("not a git repository", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
