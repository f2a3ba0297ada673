using System.Security.Cryptography;
using System.Text;
using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Incidents;

/// <summary>What the incident flow makes of a signal: the category, the severity and every reason for it.</summary>
/// <param name="Category">The matched rule's category, or <see cref="IncidentGrader.Unclassified"/> with <paramref name="CategoryReason"/>.</param>
/// <param name="RuleId">The rule that explains the evidence, if any.</param>
/// <param name="Hint">What to look at first, from the rule.</param>
/// <param name="CategoryReason">Why there is no rule (null when a rule matched).</param>
public sealed record IncidentGrade(
    string Category,
    string? RuleId,
    string? RuleTitle,
    string? Hint,
    string? CategoryReason,
    SeverityLevel Severity,
    IReadOnlyList<string> Reasons);

/// <summary>Grades a signal with the failure classifier and the severity assessor over its evidence lines.</summary>
public static class IncidentGrader
{
    public const string Unclassified = "unclassified";

    public static IncidentGrade Grade(IncidentSignal signal, RepositoryPolicy policy, FailureClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(policy);
        classifier ??= FailureClassifier.BuiltIn;
        var text = string.Join('\n', signal.Evidence);
        var result = classifier.Classify(text);
        var rules = result.Rules.Select(h => h.Rule).ToList();
        var anchor = result.Chunk is { } chunk ? rules.FirstOrDefault(r => r.Id == chunk.RuleId) : null;
        anchor ??= rules.OrderBy(r => r.Severity).ThenByDescending(r => r.Priority).FirstOrDefault();
        var assessment = SeverityAssessor.Assess(new SeverityFacts(
            rules,
            EscalationText: signal.Summary,
            Service: signal.Service,
            Overrides: policy.SeverityOverrides));
        var reasons = assessment.Reasons.ToList();
        var severity = assessment.Level;
        if (signal.Kind == SignalKind.Failing && signal.ConsecutiveFailures >= 5 && severity > SeverityLevel.P1)
        {
            severity = (SeverityLevel)((int)severity - 1);
            reasons.Add($"{severity}: {signal.ConsecutiveFailures} rounds in a row failed (5 or more raises it one step)");
        }

        var reason = anchor is null
            ? signal.Evidence.Count == 0 ? "no evidence lines came with the signal" : $"no classification rule matched the {signal.Evidence.Count} evidence line(s)"
            : null;
        return new IncidentGrade(anchor?.Category ?? Unclassified, anchor?.Id, anchor?.Title, anchor?.Hint, reason, severity, reasons);
    }
}

/// <summary>The identity of an incident: project, service, target and category, lower-cased and hashed, so repeats find it.</summary>
public static class IncidentFingerprint
{
    public static string Of(IncidentSignal signal, string category)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var key = string.Join('\n', signal.Project, signal.Service, signal.Target, category).ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }
}
