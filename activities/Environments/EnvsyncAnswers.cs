using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Environments;

/// <summary>The markdown answers of <c>/envsync</c> commands. Pure, so the orchestration can render them.</summary>
public static class EnvsyncAnswers
{
    public const string Help =
        "`/envsync status` · `/envsync drift-check` · `/envsync promote [--from ENV]` · `/envsync doctor [PIPELINE_ID]` · `/envsync rollback --env NAME [--dry-run]` · `/envsync cherry-pick --to ENV --commit SHA...|--mr IID` · `/envsync approve|reject [INSTANCE]` — the answer comes as a note here.";

    public static string Status(EnvsyncCommand command, EnvStatusOutcome outcome)
    {
        var text = Head(command);
        if (outcome.Report is { } report)
        {
            text.Append("```\n").Append(StatusTable.Render(report)).Append("```\n");
        }

        return Tail(text, outcome.Errors, command);
    }

    public static string Drift(EnvsyncCommand command, DriftCheckOutcome outcome)
    {
        var text = Head(command);
        if (outcome.Report is { } report)
        {
            var expected = report.Links.Sum(l => l.Expected.Count);
            text.Append(report.HasDrift
                ? string.Create(CultureInfo.InvariantCulture, $"**{report.UnexpectedCount} unexpected difference(s)** between environment branches ({expected} expected, left out).\n")
                : string.Create(CultureInfo.InvariantCulture, $"No unexpected drift ({expected} expected difference(s), left out).\n"));
            foreach (var link in report.Links)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {link.From} → {link.To}: {(link.Problem ?? $"{link.Unexpected.Count} unexpected")}\n");
            }

            if (outcome.Issue is { } issue)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nTracking issue: #{issue.Iid}{(issue.WebUrl is null ? "" : $" ({issue.WebUrl})")}{(issue.Closed ? ", closed: the drift is gone" : "")}.\n");
            }
        }

        return Tail(text, outcome.Errors, command);
    }

    public static string Promote(EnvsyncCommand command, PromoteOutcome outcome)
    {
        var text = Head(command);
        if (outcome.MergeRequest is { } mr)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{(mr.Created ? "Opened" : "Updated")} !{mr.Iid}{(mr.WebUrl is null ? "" : $" ({mr.WebUrl})")}: promote {outcome.From} → {outcome.To}, {mr.Commits} commit(s).\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Not promoted{(outcome.From is null ? "" : $" ({outcome.From} → {outcome.To ?? "?"})")}: {outcome.Reason}.\n");
        }

        return Tail(text, outcome.Errors, command);
    }

    /// <summary>An answer another room rendered (the Pipeline Doctor's verdicts), with the command's head and marker.</summary>
    public static string Answer(EnvsyncCommand command, string body) => Tail(Head(command).Append(body), [], command);

    /// <summary>A command not run: an unknown verb or bad arguments, with the help line.</summary>
    public static string Refused(EnvsyncCommand command, string reason) =>
        Tail(Head(command).Append(CultureInfo.InvariantCulture, $"Not run: {reason}.\n\n{Help}\n"), [], command);

    private static StringBuilder Head(EnvsyncCommand command) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"**/envsync {command.Verb}{(command.Arguments.Length == 0 ? "" : " " + command.Arguments)}** for `{command.Project}`, asked by @{command.By}\n\n");

    private static string Tail(StringBuilder text, IReadOnlyList<string> errors, EnvsyncCommand command)
    {
        foreach (var error in errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"- ⚠ {error}\n");
        }

        return text.Append('\n').Append(command.AnswerMarker).ToString();
    }
}
