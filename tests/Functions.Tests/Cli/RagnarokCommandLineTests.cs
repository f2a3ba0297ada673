using RagnarokOps.Functions.Cli;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Cli;

public sealed class RagnarokCommandLineTests
{
    [Fact]
    public async Task InvokeAsync_Help_ListsTheCommands()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("serve", output, StringComparison.Ordinal);
        Assert.Contains("demo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_Version_PrintsTheProductVersion()
    {
        // --version reads the entry assembly, so it is checked on the real executable.
        var (code, output) = await RunExecutableAsync("--version");

        Assert.Equal(0, code);
        Assert.StartsWith("0.1.0", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_Help_ListsTheCommands()
    {
        var (code, output) = await RunExecutableAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("ragnarok [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("serve", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_UnknownCommand_FailsWithAMessage()
    {
        var (code, _, error) = await RunAsync("frobnicate");

        Assert.NotEqual(0, code);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ServeWithBrokenHostJson_PrintsOneLineError()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("host.json"), """{ "version": 2 }""");

        var (code, _, error) = await RunAsync("serve", "--root", dir.Path);

        Assert.Equal(2, code);
        Assert.StartsWith("ragnarok: host.json(1,3): version: expected a string, found a number", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static async Task<(int Code, string Output)> RunExecutableAsync(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ragnarok.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    internal static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RagnarokCommandLine.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
