using System.Globalization;
using System.Text;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Functions.Environments;

/// <summary>Plain-text answers of the environment operations, one block per project, and the all-projects summary.</summary>
internal static class EnvText
{
    public static IReadOnlyList<string> Errors(object outcome) => outcome switch
    {
        EnvStatusOutcome s => s.Errors,
        DriftCheckOutcome d => d.Errors,
        PromoteOutcome p => p.Errors,
        _ => [],
    };

    /// <summary>Drift found, or a promotion refused: what a CI job should notice.</summary>
    public static bool IsFinding(object outcome) => outcome switch
    {
        DriftCheckOutcome d => d.Report?.HasDrift == true,
        PromoteOutcome p => !p.Allowed,
        _ => false,
    };

    public static string Render(object outcome)
    {
        var text = new StringBuilder();
        var errors = Errors(outcome);
        switch (outcome)
        {
            case EnvStatusOutcome { Report: { } report }:
                text.Append(StatusTable.Render(report));
                break;
            case DriftCheckOutcome { Report: { } report } d:
                text.Append(CultureInfo.InvariantCulture, $"{report.Project} ({report.Source}): {report.UnexpectedCount} unexpected difference(s)\n");
                if (report.Notice is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"note: {report.Notice}\n");
                }

                foreach (var link in report.Links)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {link.To} against {link.From}: {(link.Problem ?? $"{link.Unexpected.Count} unexpected, {link.Expected.Count} expected")}\n");
                    foreach (var f in link.Unexpected)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"    {DriftIssue.What(f)}{(f.IntroducedBy is { } c ? $" — {c.ShortSha} {c.Title}" : "")}\n");
                    }
                }

                if (d.Issue is { Iid: > 0 } issue)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  tracking issue #{issue.Iid} {(issue.Created ? "created" : issue.Closed ? "closed (no drift)" : "updated")}: {issue.WebUrl}\n");
                }

                break;
            case PromoteOutcome p when errors.Count == 0:
                text.Append(CultureInfo.InvariantCulture, $"{p.Project}: {(p.Allowed ? "promoting" : "refused")} {p.From} → {p.To ?? "?"}: {p.Reason}\n");
                if (p.MergeRequest is { } mr)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  merge request !{mr.Iid} {(mr.Created ? "opened" : "updated")} with {mr.Commits} commit(s): {mr.WebUrl}\n");
                }

                break;
        }

        if (errors.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Project(outcome)}: not answered:\n");
            foreach (var e in errors)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {e}\n");
            }
        }

        return text.ToString();
    }

    public static string Summary(IReadOnlyList<object> outcomes)
    {
        var failed = outcomes.Count(o => Errors(o).Count > 0);
        var findings = outcomes.Count(IsFinding);
        var kind = outcomes.FirstOrDefault() switch
        {
            DriftCheckOutcome => "with drift",
            PromoteOutcome => "refused",
            _ => "with findings",
        };
        return $"{outcomes.Count} project(s): {outcomes.Count - failed} answered, {findings} {kind}, {failed} not answered";
    }

    private static string Project(object outcome) => outcome switch
    {
        EnvStatusOutcome s => s.Project,
        DriftCheckOutcome d => d.Project,
        PromoteOutcome p => p.Project,
        _ => "?",
    };
}
