using System.Diagnostics;
using System.Text;

namespace RagnarokOps.Sandbox.Git;

/// <summary>Runs the <c>git</c> executable; the sandbox trusts real git for every repository change.</summary>
internal static class GitCli
{
    public static async Task<GitResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> args,
        CancellationToken cancellationToken,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        // Identity and config come from the sandbox only, never from the machine's user.
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_AUTHOR_NAME"] = "Administrator";
        info.Environment["GIT_AUTHOR_EMAIL"] = "admin@example.com";
        info.Environment["GIT_COMMITTER_NAME"] = "Administrator";
        info.Environment["GIT_COMMITTER_EMAIL"] = "admin@example.com";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("git could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return new GitResult(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<string> RunCheckedAsync(
        string workingDirectory,
        IEnumerable<string> args,
        CancellationToken cancellationToken,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var argList = args.ToList();
        var result = await RunAsync(workingDirectory, argList, cancellationToken, stdin, environment);
        if (result.ExitCode != 0)
        {
            throw new GitException($"git {argList.FirstOrDefault()} failed ({result.ExitCode}): {result.Error.Trim()}");
        }

        return result.Output;
    }
}

internal sealed record GitResult(int ExitCode, string Output, string Error);

/// <summary>A git command failed in a way the API reports as a server or request error.</summary>
internal sealed class GitException(string message) : Exception(message);
