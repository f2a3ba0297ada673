using System.Globalization;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Classification;

/// <summary>What is known about an incident when its severity is decided; unknown facts are null/0 and add no reason.</summary>
/// <param name="Rules">Matched classification rules (their highest severity is the starting point).</param>
/// <param name="Environment">Environment name where it happens (production, staging, …).</param>
/// <param name="ProtectedEnvironment">Whether the policy marks that environment protected.</param>
/// <param name="ErrorRate">Failed / total requests for the service in the window, 0–1.</param>
/// <param name="AffectedServices">How many services show the failure (scope).</param>
/// <param name="AffectedCustomers">How many customers reported or are seen affected (scope).</param>
/// <param name="EscalationText">Title and description of the escalation, scanned for customer-impact words.</param>
/// <param name="Service">The service the incident maps to (for overrides).</param>
/// <param name="Overrides">The policy's severity overrides, applied last.</param>
public sealed record SeverityFacts(
    IReadOnlyList<FailureRule> Rules,
    string? Environment = null,
    bool ProtectedEnvironment = false,
    double? ErrorRate = null,
    int AffectedServices = 0,
    int AffectedCustomers = 0,
    string? EscalationText = null,
    string? Service = null,
    IReadOnlyList<SeverityOverride>? Overrides = null);

/// <summary>A severity with every reason that moved it, in the order applied.</summary>
public sealed record SeverityAssessment(SeverityLevel Level, IReadOnlyList<string> Reasons);

/// <summary>
/// Decides P1–P4 from facts, pure and explainable: start from the most severe matched rule, then each fact moves it
/// one step at most and says so. Policy overrides come last, because the repository knows its service best.
/// </summary>
public static class SeverityAssessor
{
    /// <summary>Words that mean customers feel it; "outage"-class words mean the service is down for them.</summary>
    private static readonly string[] ImpactWords =
        ["customer", "customers", "users", "checkout", "payment", "payments", "cannot", "can't", "unable", "broken", "failing", "revenue", "sla", "urgent", "critical"];

    private static readonly string[] OutageWords =
        ["outage", "down for", "all customers", "all users", "data loss", "data corruption", "security breach", "breach", "completely down", "site down", "service down"];

    private static readonly string[] ProductionNames = ["production", "prod", "live", "prd"];

    public static SeverityAssessment Assess(SeverityFacts facts)
    {
        var reasons = new List<string>();
        SeverityLevel level;
        if (facts.Rules.Count == 0)
        {
            level = SeverityLevel.P3;
            reasons.Add("P3 to start: no classification rule matched");
        }
        else
        {
            var worst = facts.Rules.MinBy(r => r.Severity)!;
            level = worst.Severity;
            reasons.Add($"{level} to start: rule {worst.Id} ({worst.Title}) is {worst.Severity}");
        }

        level = Impact(facts.EscalationText, level, reasons);
        level = Rate(facts.ErrorRate, level, reasons);
        level = Scope(facts, level, reasons);
        level = Environment(facts, level, reasons);
        level = Overrides(facts, level, reasons);
        return new SeverityAssessment(level, reasons);
    }

    private static SeverityLevel Impact(string? text, SeverityLevel level, List<string> reasons)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return level;
        }

        var outage = OutageWords.Where(w => ContainsWord(text, w)).ToList();
        if (outage.Count > 0)
        {
            reasons.Add($"P1: the escalation speaks of an outage ({string.Join(", ", outage.Select(w => $"\"{w}\""))})");
            return SeverityLevel.P1;
        }

        var impact = ImpactWords.Where(w => ContainsWord(text, w)).ToList();
        if (impact.Count == 0)
        {
            return level;
        }

        var raised = level.Raise();
        reasons.Add($"{raised}: customer impact in the escalation ({string.Join(", ", impact.Select(w => $"\"{w}\""))})");
        return raised;
    }

    private static SeverityLevel Rate(double? rate, SeverityLevel level, List<string> reasons)
    {
        switch (rate)
        {
            case null:
                return level;
            case >= 0.25:
                var raised = level.Raise();
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{raised}: error rate {rate.Value:P0} of requests (≥ 25%)"));
                return raised;
            case < 0.01:
                var lowered = level.Lower();
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{lowered}: error rate {rate.Value:P1} of requests (< 1%)"));
                return lowered;
            default:
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{level} kept: error rate {rate.Value:P0} of requests"));
                return level;
        }
    }

    private static SeverityLevel Scope(SeverityFacts facts, SeverityLevel level, List<string> reasons)
    {
        if (facts.AffectedServices >= 3 || facts.AffectedCustomers >= 10)
        {
            var raised = level.Raise();
            reasons.Add($"{raised}: wide scope ({facts.AffectedServices} services, {facts.AffectedCustomers} customers affected)");
            return raised;
        }

        return level;
    }

    private static SeverityLevel Environment(SeverityFacts facts, SeverityLevel level, List<string> reasons)
    {
        if (facts.Environment is not { Length: > 0 } name)
        {
            return level;
        }

        if (ProductionNames.Any(p => name.Equals(p, StringComparison.OrdinalIgnoreCase) || name.StartsWith(p + "-", StringComparison.OrdinalIgnoreCase)))
        {
            reasons.Add($"{level} kept: {name} is production");
            return level;
        }

        if (facts.ProtectedEnvironment)
        {
            reasons.Add($"{level} kept: {name} is a protected environment");
            return level;
        }

        var lowered = level.Lower();
        reasons.Add($"{lowered}: {name} is not production and not protected (no customer traffic)");
        return lowered;
    }

    private static SeverityLevel Overrides(SeverityFacts facts, SeverityLevel level, List<string> reasons)
    {
        foreach (var o in facts.Overrides ?? [])
        {
            var applies = (o.Rule is null || facts.Rules.Any(r => r.Id == o.Rule))
                          && (o.Category is null || facts.Rules.Any(r => r.Category == o.Category))
                          && (o.Service is null || string.Equals(o.Service, facts.Service, StringComparison.OrdinalIgnoreCase));
            if (applies)
            {
                level = o.Level;
                reasons.Add($"{level}: policy override for {o.Describe()}" + (o.Line > 0 ? $" (.ragnarok.yaml line {o.Line})" : ""));
            }
        }

        return level;
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); index >= 0; index = text.IndexOf(word, index + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + word.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
