using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Reporting;

namespace RagnarokOps.Domain.Environments;

/// <summary>The one tracking issue per project that drift checks keep up to date, found again by its marker.</summary>
public static class DriftIssue
{
    public const string Marker = "<!-- ragnarok:envsync-drift -->";

    public const string Label = "envsync::drift";

    public static string Title(string project) => $"Environment drift in {project}";

    public static string Render(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(Marker).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"## Environment drift — {report.UnexpectedCount} unexpected difference(s)\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Checked {report.At:yyyy-MM-dd HH:mm} UTC from `{report.Source}`. Each environment is compared with the one it is promoted from: what the branch changed on its own since they parted.\n\n");
        if (report.Notice is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"> {report.Notice}\n\n");
        }

        if (report.Links.Count == 0)
        {
            text.Append("No promotion chain: nothing to compare.\n");
        }

        foreach (var link in report.Links)
        {
            text.Append(CultureInfo.InvariantCulture, $"### {link.To} (`{link.ToBranch}`) against {link.From} (`{link.FromBranch}`)\n\n");
            if (link.Problem is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"Not compared: {link.Problem}\n\n");
                continue;
            }

            if (link.Unexpected.Count == 0)
            {
                text.Append("No unexpected drift.\n\n");
            }

            foreach (var finding in link.Unexpected)
            {
                text.Append(CultureInfo.InvariantCulture, $"- **{Markdown.Cell(What(finding))}**");
                if (finding.IntroducedBy is { } c)
                {
                    text.Append(CultureInfo.InvariantCulture, $" — introduced by {Markdown.Link(c.ShortSha, c.WebUrl)} {Markdown.Cell(c.Title)}{(c.Author is null ? "" : $" ({Markdown.Cell(c.Author)})")}");
                }

                text.Append("\n\n  ```diff\n");
                foreach (var line in finding.Hunk.TrimEnd('\n').Split('\n'))
                {
                    text.Append("  ").Append(line.Replace("```", "`\u200b``", StringComparison.Ordinal)).Append('\n');
                }

                text.Append("  ```\n");
            }

            if (link.Expected.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{link.Expected.Count} expected difference(s) left out: ");
                text.AppendJoin("; ", link.Expected.Select(e => $"{What(e)} ({e.Reason})")).Append("\n\n");
            }
        }

        return text.ToString();
    }

    public static string What(DriftFinding finding) => finding.Key is null
        ? $"{finding.Path} {finding.Change}"
        : $"{finding.Path}: {finding.Key} {finding.Change.Replace("key-", "", StringComparison.Ordinal)}" +
          (finding.Change == "key-changed" ? $" ({finding.BaseValue} → {finding.Value})" : finding.Value is not null ? $" (= {finding.Value})" : "");
}
