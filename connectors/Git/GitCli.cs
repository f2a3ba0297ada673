using System.Diagnostics;
using System.Text;

namespace RagnarokOps.Connectors.Git;

/// <summary>Runs the <c>git</c> executable with an argument list (never a shell string) and returns its output.</summary>
public sealed class GitCli(string executable = "git")
{
    public async Task<string> RunAsync(string repository, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(repository);
        // Paths as written (no octal quoting), and no pager or colour whatever the user's config says.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        start.ArgumentList.Add("--no-pager");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new GitException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var stdout = await output;
        var stderr = await error;
        if (process.ExitCode != 0)
        {
            throw new GitException($"git {string.Join(' ', arguments.Take(2))} failed in {repository} (exit {process.ExitCode}): {stderr.Trim()}");
        }

        return stdout;
    }
}

/// <summary>git answered with an error; the message carries git's own words.</summary>
public sealed class GitException(string message) : Exception(message);
