using System.Globalization;
using System.Text;
using RagnarokOps.Domain.CherryPick;

namespace RagnarokOps.Activities.CherryPick;

/// <summary>The commit message, merge request and report issue texts of a cherry-pick, each carrying its marker.</summary>
public static class CherryPickText
{
    public static string Marker(CherryPickPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"<!-- ragnarok:cherry-pick branch={plan.Branch} -->";
    }

    public static string Title(CherryPickPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var what = plan.Titles.Count == 1 ? plan.Titles[0] : $"{plan.Commits.Count} commits";
        return $"Cherry-pick to {plan.To}: {what}";
    }

    public static string CommitMessage(CherryPickPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder(Title(plan)).Append("\n\n");
        foreach (var sha in plan.Commits)
        {
            text.Append("(cherry picked from commit ").Append(sha).Append(")\n");
        }

        return text.ToString();
    }

    public static string MergeRequestBody(CherryPickPlan plan, string? approvedBy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder(Marker(plan)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Cherry-pick of {Commits(plan)} to **{plan.To}** (`{plan.TargetBranch}`).\n\n");
        if (approvedBy is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Proposed resolutions approved by {approvedBy}.\n\n");
        }

        Files(text, plan);
        return text.ToString();
    }

    public static string ReportBody(CherryPickPlan plan, string status)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder(Marker(plan)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Cherry-pick of {Commits(plan)} to **{plan.To}** (`{plan.TargetBranch}`): **{status}**.\n\n");
        text.Append(plan.Tier == CherryPickTier.Manual
            ? "No merge request was opened: the files below need a person.\n\n"
            : "The proposed resolutions below wait for an approval before the merge request opens.\n\n");
        Files(text, plan);
        foreach (var file in plan.Files.Where(f => f.Hunks.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### `{file.Path}` — tier {(int)file.Tier}\n\n{file.Reason}\n");
            foreach (var hunk in file.Hunks)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nbase line {hunk.BaseLine}, target line {hunk.TargetLine} (confidence {hunk.Confidence:0.00}: {hunk.Reason})\n\n```\n<<<<<<< target {plan.TargetBranch}\n");
                Lines(text, hunk.Target).Append("||||||| base\n");
                Lines(text, hunk.Base).Append("=======\n");
                Lines(text, hunk.Source).Append(">>>>>>> cherry-pick\n```\n");
            }

            foreach (var t in plan.Touching.Where(t => t.Path == file.Path))
            {
                text.Append(CultureInfo.InvariantCulture, $"- touched on {plan.TargetBranch} by {CherryPickGitLab.Short(t.Sha)} {t.Title}{(t.Author is null ? "" : $" ({t.Author})")}\n");
            }
        }

        return text.ToString();
    }

    private static string Commits(CherryPickPlan plan) => string.Join(", ", plan.Commits.Select(CherryPickGitLab.Short));

    private static void Files(StringBuilder text, CherryPickPlan plan)
    {
        text.Append("| file | tier | how |\n|---|---|---|\n");
        foreach (var file in plan.Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{file.Path}` | {(int)file.Tier} {file.Tier} | {file.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
    }

    private static StringBuilder Lines(StringBuilder text, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            text.Append(line.Replace("```", "` ` `", StringComparison.Ordinal)).Append('\n');
        }

        return text;
    }
}
