using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>The JSON shape of <c>POST /{prefix}/triage</c> (camelCase on the wire).</summary>
internal sealed record TriageJson(
    bool Failure,
    string? Reason,
    long Lines,
    TriageJson.FailureType? Type,
    TriageJson.SeverityJson Severity,
    IReadOnlyList<TriageJson.RuleJson> Rules,
    TriageJson.ChunkJson? Chunk,
    IReadOnlyList<FixHint> Hints,
    Preventability Preventable,
    IReadOnlyList<string> Warnings)
{
    public static TriageJson From(LogTriageReport report)
    {
        var c = report.Classification;
        return new TriageJson(
            c.HasFailure,
            report.NoFailureReason,
            c.Lines,
            report.Failure is { } f ? new FailureType(f.Id, f.Title, f.Category) : null,
            new SeverityJson(report.Severity?.Level.ToString() ?? "none", report.Severity?.Reasons ?? [report.NoFailureReason!]),
            [.. c.Rules.Select(h => new RuleJson(h.Rule.Id, h.Rule.Category, h.Rule.Title, h.Rule.Severity.ToString(), h.Count, h.FirstLine, h.LastLine, h.Rule.Preventable))],
            c.Chunk is { } k ? new ChunkJson(k.RuleId, k.StartLine, k.EndLine, k.Truncated, k.Text) : null,
            report.Hints,
            report.Preventable,
            c.Warnings ?? []);
    }

    /// <summary>The rule that anchored the failure chunk: the failure's type, and its category.</summary>
    public sealed record FailureType(string Rule, string Title, string Category);

    public sealed record SeverityJson(string Level, IReadOnlyList<string> Reasons);

    public sealed record RuleJson(string Id, string Category, string Title, string Severity, int Count, long FirstLine, long LastLine, bool Preventable);

    public sealed record ChunkJson(string Rule, long StartLine, long EndLine, bool Truncated, string Text);
}
