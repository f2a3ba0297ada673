using System.Diagnostics;

namespace RagnarokOps.Connectors.Azurite;

/// <summary>Where the Azurite executable is: the project's pinned npm tools (<c>tools/node_modules/.bin/azurite</c>).</summary>
public sealed record AzuriteCommand(string Path)
{
    private static readonly string Executable = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";

    /// <summary>
    /// The first <c>tools/node_modules/.bin/azurite</c> found walking up from each folder given; with none, and a
    /// <c>tools/package.json</c> found, runs <c>npm ci</c> there once. Null when there is no tools folder at all.
    /// </summary>
    public static async Task<AzuriteCommand?> FindAsync(IEnumerable<string> startFolders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        string? tools = null;
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "tools");
                var bin = System.IO.Path.Combine(candidate, "node_modules", ".bin", Executable);
                if (File.Exists(bin))
                {
                    return new AzuriteCommand(bin);
                }

                if (tools is null && File.Exists(System.IO.Path.Combine(candidate, "package.json")))
                {
                    tools = candidate;
                }
            }
        }

        if (tools is null)
        {
            return null;
        }

        await NpmCiAsync(tools, cancellationToken);
        var installed = System.IO.Path.Combine(tools, "node_modules", ".bin", Executable);
        return File.Exists(installed) ? new AzuriteCommand(installed) : null;
    }

    private static async Task NpmCiAsync(string tools, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(arg);
        }

        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new AzuriteException("could not start npm");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new AzuriteException($"Azurite is not installed in {tools} and npm could not run ({ex.Message}): install Node.js and run `npm ci` there");
        }

        using (npm)
        {
            var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
            _ = npm.StandardOutput.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new AzuriteException($"`npm ci` in {tools} failed with exit code {npm.ExitCode}: {await stderr}");
            }
        }
    }
}
