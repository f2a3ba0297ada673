using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Escalations;

/// <summary>Turns an issue into an <see cref="Escalation"/>: pure, so the orchestration can call it on replay.</summary>
public static partial class EscalationNormalizer
{
    public static Escalation Normalize(EscalationInput input, IReadOnlyList<KnownService> services)
    {
        var text = string.Join("\n", new[] { input.Title, input.Description }.Concat(input.Notes).Where(s => !string.IsNullOrWhiteSpace(s)));
        var signatures = SignatureExtractor.Extract(text);
        var candidates = ServiceMatcher.Match(input.Title, text, input.Labels, signatures.StackFrames, services, signatures.Endpoints);
        var environment = Environment(input.Labels, text);
        var fingerprint = EscalationFingerprint.Compute(input.Title, signatures, candidates.Count > 0 ? candidates[0].Name : null, environment);
        return new Escalation(
            input.Title.Trim(),
            text,
            input.CreatedAt,
            input.Reference,
            candidates,
            Customer(input.Labels, text),
            signatures,
            TimeHintParser.Parse(text, input.CreatedAt),
            environment,
            fingerprint);
    }

    /// <summary>Labels win (<c>env::production</c>); otherwise the first environment word in the text.</summary>
    public static string? Environment(IReadOnlyList<string> labels, string text)
    {
        foreach (var label in labels)
        {
            var env = EnvironmentWord(label);
            if (env is not null && label.Contains("env", StringComparison.OrdinalIgnoreCase))
            {
                return env;
            }
        }

        var match = EnvironmentText().Match(text);
        return match.Success ? EnvironmentWord(match.Value) : labels.Select(EnvironmentWord).FirstOrDefault(e => e is not null);
    }

    public static string? Customer(IReadOnlyList<string> labels, string text)
    {
        foreach (var label in labels)
        {
            var m = CustomerLabel().Match(label);
            if (m.Success)
            {
                return m.Groups["name"].Value.Trim();
            }
        }

        var field = CustomerField().Match(text);
        if (field.Success)
        {
            return field.Groups["name"].Value.Trim().TrimEnd('.', ',');
        }

        var prose = CustomerProse().Match(text);
        return prose.Success ? prose.Groups["name"].Value.Trim() : null;
    }

    private static string? EnvironmentWord(string word)
    {
        var m = EnvironmentText().Match(word);
        if (!m.Success)
        {
            return null;
        }

        return m.Value.ToLowerInvariant() switch
        {
            "prod" or "production" or "live" or "prd" => "production",
            "staging" or "stage" or "uat" or "preprod" or "pre-production" => "staging",
            _ => "development",
        };
    }

    [GeneratedRegex(@"(?i)\b(?:production|prod|prd|live|staging|stage|uat|preprod|pre-production|development|dev)\b")]
    private static partial Regex EnvironmentText();

    [GeneratedRegex(@"(?i)^(?:customer|account|tenant)\s*:{1,2}\s*(?<name>.+)$")]
    private static partial Regex CustomerLabel();

    [GeneratedRegex(@"(?im)^\W*(?:customer|account|tenant)\s*[:=]\s*\**\s*(?<name>[^\n,;*.]+(?:\.[A-Za-z]+)*)")]
    private static partial Regex CustomerField();

    [GeneratedRegex(@"\b(?:[Cc]ustomer|[Tt]enant)\s+(?<name>[A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|&))*)")]
    private static partial Regex CustomerProse();
}
