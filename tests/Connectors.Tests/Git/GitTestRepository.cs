using System.Diagnostics;

namespace RagnarokOps.Connectors.Tests.Git;

/// <summary>A real git repository in a temporary folder, driven through the git CLI, with fixed dates.</summary>
internal sealed class GitTestRepository : IDisposable
{
    private readonly RagnarokOps.Tests.Shared.TempDirectory _temp = new("ragnarok-git");
    private int _clock;

    public GitTestRepository()
    {
        Path = _temp.Combine("work");
        Directory.CreateDirectory(Path);
        Git("init", "-q", "-b", "main");
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return relative;
    }

    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public string CloneBare()
    {
        var bare = _temp.Combine("bare.git");
        Run(_temp.Path, "clone", "-q", "--bare", Path, bare);
        return bare;
    }

    public string Git(params string[] args) => Run(Path, args);

    private string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        var date = new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero).AddMinutes(_clock++ * 5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        }

        return output;
    }

    public void Dispose() => _temp.Dispose();
}
