using System.CommandLine;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Cli;

/// <summary>The <c>ragnarok</c> command: one subcommand per job, each in its own file.</summary>
internal static class RagnarokCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("RagnarokOps: turns a critical customer escalation into a reproducible engineering case in GitLab.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(SuspectsCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(EnvCommand.Create());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        // Our own handler below prints configuration errors as one line; anything else keeps its stack trace.
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            config.Output = output;
        }

        if (error is not null)
        {
            config.Error = error;
        }

        try
        {
            return await Build().Parse(args).InvokeAsync(config);
        }
        catch (HostConfigurationException ex)
        {
            // One line that names file, line and field; a stack trace would bury it.
            (error ?? Console.Error).WriteLine($"ragnarok: {ex.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }
}
