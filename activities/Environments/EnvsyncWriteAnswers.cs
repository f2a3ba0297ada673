using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Rollback;

namespace RagnarokOps.Activities.Environments;

/// <summary>The answers of the <c>/envsync</c> commands that write (rollback, cherry-pick) and of <c>/envsync approve</c>. Pure.</summary>
public static partial class EnvsyncWriteAnswers
{
    /// <summary>In the answer note while an instance waits: <c>/envsync approve</c> finds the instance and the action by it.</summary>
    public static string AwaitingMarker(string instanceId, string action) => $"<!-- ragnarok:envsync-awaiting instance={instanceId} action={action} -->";

    /// <summary>The instance ids and actions of the awaiting markers in a note body.</summary>
    public static IEnumerable<(string InstanceId, string Action)> AwaitingIn(string body) =>
        AwaitingPattern().Matches(body ?? "").Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    public static string Rollback(EnvsyncCommand command, RollbackOutcome outcome) =>
        EnvsyncAnswers.Answer(command, RollbackRunner.Render(outcome));

    public static string CherryPick(EnvsyncCommand command, CherryPickOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Cherry-pick to {outcome.To}: **{outcome.Status}** (tier {(int)outcome.Tier}).\n");
        if (outcome.MergeRequest is { } mr)
        {
            text.Append(CultureInfo.InvariantCulture, $"- merge request !{mr.Iid}{(mr.WebUrl is null ? "" : $" ({mr.WebUrl})")} from `{mr.Branch}`{(mr.Created ? "" : ", already open")}\n");
        }

        if (outcome.Report is { } report)
        {
            text.Append(CultureInfo.InvariantCulture, $"- report issue #{report.Iid}{(report.WebUrl is null ? "" : $" ({report.WebUrl})")}\n");
        }

        foreach (var f in outcome.Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"- tier {(int)f.Tier} `{f.Path}`: {f.Reason}\n");
        }

        foreach (var e in outcome.Errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"- ⚠ {e}\n");
        }

        return EnvsyncAnswers.Answer(command, text.ToString());
    }

    /// <summary>The answer while the instance waits: what it would do, who may approve, and the command that does.</summary>
    public static string Waiting(EnvsyncCommand command, string instanceId, EnvsyncAwaiting awaiting)
    {
        ArgumentNullException.ThrowIfNull(awaiting);
        return EnvsyncAnswers.Answer(command, string.Create(CultureInfo.InvariantCulture,
            $"{awaiting.Detail}\n\n**Waiting for approval** ({awaiting.Action}): {awaiting.Approvers.Describe()} may answer `/envsync approve {instanceId}` or `/envsync reject {instanceId}` (or either without the instance here).\n\n{AwaitingMarker(instanceId, awaiting.Action)}\n"));
    }

    /// <summary>The answer to <c>/envsync approve</c> or <c>reject</c>: what was decided.</summary>
    public static string Approve(EnvsyncCommand command, string result) => EnvsyncAnswers.Answer(command, result + "\n");

    [GeneratedRegex(@"<!-- ragnarok:envsync-awaiting instance=(\S+) action=(\S+) -->", RegexOptions.CultureInvariant)]
    private static partial Regex AwaitingPattern();
}
