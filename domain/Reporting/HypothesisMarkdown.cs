using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Reporting;

/// <summary>
/// The ranked hypotheses as GitLab Markdown, each with its contributions table and proposed action, then the scorer's
/// notes. The triage note and the incident's RCA page write them the same way.
/// </summary>
public static class HypothesisMarkdown
{
    public static void Write(StringBuilder md, DiagnosisResult diagnosis, int max)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(diagnosis);
        var hypotheses = diagnosis.Hypotheses;
        if (hypotheses.Count == 0)
        {
            md.AppendLine("No change went live in the window before the onset.").AppendLine();
            return;
        }

        foreach (var h in hypotheses.Take(max))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"#### {h.Rank}. {Markdown.Link(h.Title, h.Link)} — {h.Kind.ToString().ToLowerInvariant()} `{h.Reference}`, confidence **{F(h.Confidence)}**").AppendLine();
            md.AppendLine("| contribution | value | why |");
            md.AppendLine("|---|---:|---|");
            foreach (var c in h.Contributions)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown.Cell(c.Name)} | {c.Value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)} | {Markdown.Cell(c.Reason)} |");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| **score** | **{F(h.Score)}** | proposed action: {Markdown.Cell(h.Action.Summary)} |");
            md.AppendLine();
        }

        if (hypotheses.Count > max)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"_{hypotheses.Count - max} more candidate(s) scored lower._").AppendLine();
        }

        foreach (var note in diagnosis.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        if (diagnosis.Notes.Count > 0)
        {
            md.AppendLine();
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
