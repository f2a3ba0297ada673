namespace RagnarokOps.Domain.Escalations;

/// <summary>An escalation reduced to what diagnosis needs; every field says where it came from.</summary>
/// <param name="Text">Title, description and notes as one text, the source of every token the scorer matches.</param>
/// <param name="Services">Known services the text points at, best first, each with its reasons.</param>
/// <param name="Environment"><c>production</c>, <c>staging</c>, <c>development</c>, or null when the text does not say.</param>
/// <param name="Fingerprint">Stable across rewording of ids, timestamps and layout, so the same escalation raised twice links.</param>
public sealed record Escalation(
    string Title,
    string Text,
    DateTimeOffset CreatedAt,
    string? Reference,
    IReadOnlyList<ServiceCandidate> Services,
    string? Customer,
    ErrorSignatures Signatures,
    IReadOnlyList<TimeHint> TimeHints,
    string? Environment,
    string Fingerprint)
{
    /// <summary>The best service candidate's name, or null when nothing matched.</summary>
    public string? Service => Services.Count > 0 ? Services[0].Name : null;

    /// <summary>The earliest instant the text says the problem started, or null.</summary>
    public DateTimeOffset? EarliestHint => TimeHints.Count > 0 ? TimeHints.Min(h => h.At) : null;
}

/// <summary>A known service the escalation points at, with a score and the reasons for it.</summary>
public sealed record ServiceCandidate(string Name, int Score, IReadOnlyList<string> Reasons);

/// <summary>When the text says something happened, resolved to an instant.</summary>
/// <param name="Kind"><c>absolute</c> (a timestamp), <c>time-of-day</c> ("since 14:05 UTC") or <c>relative</c> ("an hour ago").</param>
public sealed record TimeHint(DateTimeOffset At, string Text, string Kind);
