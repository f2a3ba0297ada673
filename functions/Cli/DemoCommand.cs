using System.CommandLine;

namespace RagnarokOps.Functions.Cli;

/// <summary>
/// <c>ragnarok demo</c>: the end-to-end escalation on the embedded defaults. Until the escalation flow
/// lands it says what it will do and exits non-zero, so nobody mistakes it for a working demo.
/// </summary>
internal static class DemoCommand
{
    public const int NotYetAvailable = 3;

    public static Command Create()
    {
        var approve = new Option<bool>("--approve") { Description = "Approve the proposed hotfix through the approval link's POST" };
        var summary = new Option<FileInfo?>("--summary") { Description = "Write a JSON summary of the run to this file" };
        var command = new Command("demo", "Run a critical escalation end to end against the local GitLab sandbox");
        command.Options.Add(approve);
        command.Options.Add(summary);
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine(
                "ragnarok demo is not available yet. When the escalation flow lands it will start the GitLab sandbox " +
                "with the 'checkout' scenario and the host in one process, open a critical escalation issue, and show " +
                "the evidence, the ranked root-cause hypotheses, the triage note and the approval link, then the draft hotfix MR.");
            return NotYetAvailable;
        });
        return command;
    }
}
