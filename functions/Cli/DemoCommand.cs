using System.CommandLine;
using RagnarokOps.Functions.Demo;
using Spectre.Console;

namespace RagnarokOps.Functions.Cli;

/// <summary><c>ragnarok demo</c>: the end-to-end escalation against the local GitLab sandbox, in one process.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var approve = new Option<bool>("--approve") { Description = "Approve the proposed hotfix through the approval link's POST, as a browser would" };
        var summary = new Option<FileInfo?>("--summary") { Description = "Write a JSON summary of the run to this file" };
        var runTest = new Option<bool>("--run-test") { Description = "Also run the generated regression test (dotnet test) against the staging copy; the repro script always runs" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder (default: a new folder under ./.ragnarok-demo)" };
        var scenario = new Option<string>("--scenario")
        {
            Description = "escalation (default): a critical escalation to a draft hotfix MR; incident: the sample service goes down, a probe files the incident, it recovers",
            DefaultValueFactory = _ => "escalation",
        };
        scenario.AcceptOnlyFromAmong("escalation", "incident");
        var command = new Command("demo", "Run a critical escalation (or, with --scenario incident, a service outage) end to end against the local GitLab sandbox");
        command.Options.Add(approve);
        command.Options.Add(summary);
        command.Options.Add(data);
        command.Options.Add(runTest);
        command.Options.Add(scenario);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            });
            var options = new DemoOptions(
                result.GetValue(approve),
                result.GetValue(summary)?.FullName,
                result.GetValue(data)?.FullName ?? DemoOptions.DefaultDataDirectory(TimeProvider.System),
                result.GetValue(runTest));
            try
            {
                return result.GetValue(scenario) == "incident"
                    ? await new IncidentDemoRun(console).RunAsync(options, ct)
                    : await new DemoRun(console).RunAsync(options, ct);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
            {
                result.InvocationConfiguration.Error.WriteLine($"ragnarok demo failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
