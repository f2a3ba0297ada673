using System.Diagnostics;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Cli;

/// <summary>
/// <c>dotnet run --project functions</c> must keep the caller's folder as the working directory (the Web SDK would use
/// functions/), so <c>classify build.log</c> and <c>suspects --repo .</c> mean the caller's files.
/// </summary>
public sealed class RunWorkingDirectoryTests
{
    [Fact]
    public async Task FunctionsProject_RunWorkingDirectory_IsTheFolderDotnetRunWasStartedIn()
    {
        using var caller = new TempDirectory("ragnarok-caller");
        var project = Path.Combine(RepoPaths.Root, "functions", "RagnarokOps.Functions.csproj");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = caller.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "msbuild", project, "-getProperty:RunWorkingDirectory", "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Equal(Path.TrimEndingDirectorySeparator(Path.GetFullPath(caller.Path)), Path.TrimEndingDirectorySeparator(output.Trim()));
    }
}
