using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Reporting;

/// <summary>
/// Renders the triage note in GitLab Markdown. The first line is a hidden marker with the case id so the
/// publishing activity finds its own note and edits it instead of posting a second one.
/// </summary>
public static partial class TriageReportRenderer
{
    public static string Marker(string caseId) => $"<!-- ragnarok:triage-report case={Markdown.CommentSafe(caseId)} -->";

    /// <summary>The case id of a note written by <see cref="Render"/>, or null for any other note.</summary>
    public static string? FindCaseId(string noteBody)
    {
        var m = MarkerPattern().Match(noteBody);
        return m.Success ? m.Groups["id"].Value : null;
    }

    public static string Render(TriageReportInput input)
    {
        var md = new StringBuilder();
        md.AppendLine(Marker(input.CaseId));
        md.AppendLine($"## RagnarokOps triage: {input.Escalation.Title}");
        md.AppendLine();
        PolicyProblems(md, input);
        Summary(md, input);
        Timeline(md, input);
        Hypotheses(md, input);
        Missing(md, input);
        Repro(md, input);
        Action(md, input);
        return md.ToString();
    }

    private static void Summary(StringBuilder md, TriageReportInput input)
    {
        var e = input.Escalation;
        md.AppendLine("### Summary").AppendLine();
        md.AppendLine($"**Verdict:** {input.Diagnosis.Verdict}").AppendLine();
        md.AppendLine($"- **Service:** {(e.Service is null ? "unknown (no known service matched)" : $"{e.Service} — {string.Join("; ", e.Services[0].Reasons)}")}");
        md.AppendLine($"- **Environment:** {e.Environment ?? "not stated"}");
        if (e.Customer is not null)
        {
            md.AppendLine($"- **Customer:** {e.Customer}");
        }

        var s = e.Signatures;
        var signatures = s.ExceptionTypes.Select(x => $"`{x}`")
            .Concat(s.StatusCodes.Select(x => $"HTTP {x.ToString(CultureInfo.InvariantCulture)}"))
            .Concat(s.ErrorCodes.Select(x => $"`{x}`"))
            .Concat(s.Endpoints.Select(x => $"`{x}`"))
            .ToList();
        md.AppendLine($"- **Error signatures:** {(signatures.Count == 0 ? "none found in the text" : string.Join(", ", signatures))}");
        md.AppendLine($"- **Onset:** {(input.Onset.At is { } at ? $"{at:yyyy-MM-dd HH:mm} UTC (confidence {F(input.Onset.Confidence)}) — {input.Onset.Explanation}" : $"not found — {input.Onset.Explanation}")}");
        md.AppendLine($"- **Severity:** {(input.Severity is null ? "not classified" : $"**{input.Severity.Level}** — {string.Join("; ", input.Severity.Reasons)}")}");
        md.AppendLine($"- **Owner:** {(input.Owner is null ? "unknown" : $"{(input.Owner.Owners.Count == 0 ? "none" : string.Join(", ", input.Owner.Owners))} (rule: {input.Owner.Rule})")}");
        md.AppendLine($"- **Fingerprint:** `{e.Fingerprint}`");
        md.AppendLine();
    }

    private static void Timeline(StringBuilder md, TriageReportInput input)
    {
        md.AppendLine("### Timeline").AppendLine();
        md.AppendLine("| time (UTC) | kind | what |");
        md.AppendLine("|---|---|---|");
        foreach (var entry in input.Timeline)
        {
            md.AppendLine($"| {entry.At:yyyy-MM-dd HH:mm:ss} | {entry.Kind} | {Markdown.Cell(Markdown.Link(entry.Title, entry.Link))} |");
        }

        md.AppendLine();
    }

    private static void Hypotheses(StringBuilder md, TriageReportInput input)
    {
        md.AppendLine("### Hypotheses").AppendLine();
        HypothesisMarkdown.Write(md, input.Diagnosis, input.MaxHypotheses);
    }

    private static void PolicyProblems(StringBuilder md, TriageReportInput input)
    {
        if (input.PolicyProblems is not { Count: > 0 } problems)
        {
            return;
        }

        md.AppendLine("### Policy problems").AppendLine();
        md.AppendLine($"The repository's policy files have {problems.Count} problem(s), so this case ran on the safe defaults (report only, every write waits for a person). Fix them and comment `/ragnarok triage --force` to run the case again:").AppendLine();
        foreach (var problem in problems)
        {
            md.AppendLine($"- `{problem.Replace("`", "'", StringComparison.Ordinal)}`");
        }

        md.AppendLine();
    }

    private static void Missing(StringBuilder md, TriageReportInput input)
    {
        md.AppendLine("### Missing evidence").AppendLine();
        if (input.Missing.Count == 0)
        {
            md.AppendLine("None: every source answered.").AppendLine();
            return;
        }

        foreach (var gap in input.Missing)
        {
            md.AppendLine($"- **{gap.Source}**: {gap.Reason}");
        }

        md.AppendLine();
    }

    private static void Repro(StringBuilder md, TriageReportInput input)
    {
        md.AppendLine("### Reproduction plan").AppendLine();
        if (input.Repro is null || input.Repro.Steps.Count == 0)
        {
            md.AppendLine("No reproduction plan yet.").AppendLine();
            return;
        }

        for (var i = 0; i < input.Repro.Steps.Count; i++)
        {
            md.AppendLine($"{i + 1}. {input.Repro.Steps[i]}");
        }

        if (input.Repro.Outcome is not null)
        {
            md.AppendLine().AppendLine($"**Replay:** {input.Repro.Outcome}");
        }

        md.AppendLine();
    }

    private static void Action(StringBuilder md, TriageReportInput input)
    {
        md.AppendLine("### Proposed action").AppendLine();
        if (input.Diagnosis.Top is not { } top)
        {
            md.AppendLine("None: there is no candidate change to act on.");
            return;
        }

        md.AppendLine($"**{top.Action.Summary}** (confidence {F(top.Confidence)}).").AppendLine();
        md.AppendLine(input.Policy is null
            ? "Policy: not evaluated; every write needs a person's approval."
            : $"Policy: `{input.Policy.Action}` is **{input.Policy.Decision}** by rule `{input.Policy.Rule}` — {input.Policy.Reason}");
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<!-- ragnarok:triage-report case=(?<id>[^ ]+) -->")]
    private static partial Regex MarkerPattern();
}
