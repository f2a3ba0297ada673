using System.Globalization;
using System.Text;

namespace RagnarokOps.Domain.Environments;

/// <summary>The status report as a fixed-width text table, one environment per line.</summary>
public static class StatusTable
{
    private static readonly string[] Headers = ["environment", "branch", "head", "pipeline", "failed jobs", "deployed", "age", "next", "ahead/behind"];

    public static string Render(EnvironmentStatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Environments.Select(r => new[]
        {
            r.Protected ? r.Environment + " (protected)" : r.Environment,
            r.Branch,
            r.Head?.ShortSha ?? "-",
            r.Pipeline is null ? "none" : $"#{r.Pipeline.Id} {r.Pipeline.Status}",
            r.Pipeline?.FailedJobs.Count > 0 ? string.Join(",", r.Pipeline.FailedJobs) : "-",
            r.Deployment is null ? "never" : $"{r.Deployment.Sha[..Math.Min(8, r.Deployment.Sha.Length)]} {r.Deployment.Status}",
            r.DeploymentAge is { } age ? Age(age) : "-",
            r.Next ?? "-",
            r.Ahead is { } a ? $"+{a}/-{r.Behind}" : "-",
        }).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Project} ({report.Source})\n");
        if (report.Notice is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"note: {report.Notice}\n");
        }

        Line(text, Headers, widths);
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }

        foreach (var row in report.Environments.Where(r => r.Problems.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Environment}: {string.Join("; ", row.Problems)}\n");
        }

        return text.ToString();
    }

    /// <summary>"3d 4h", "2h 5m", "12m": enough to see how stale a deployment is.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalDays: >= 1 } => $"{(int)age.TotalDays}d {age.Hours}h",
        { TotalHours: >= 1 } => $"{(int)age.TotalHours}h {age.Minutes}m",
        _ => $"{Math.Max(0, (int)age.TotalMinutes)}m",
    };

    private static void Line(StringBuilder text, string[] cells, int[] widths) =>
        text.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
}
