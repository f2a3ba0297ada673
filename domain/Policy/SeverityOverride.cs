using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Policy;

/// <summary>
/// A repository's say on severity (<c>severity.overrides</c> in .ragnarok.yaml): when every given condition holds
/// (rule id, category, service), the level is set to <see cref="Level"/>. Later overrides win over earlier ones.
/// </summary>
public sealed record SeverityOverride(string? Rule, string? Category, string? Service, SeverityLevel Level, int Line = 0)
{
    public string Describe()
    {
        var conditions = new[] { ("rule", Rule), ("category", Category), ("service", Service) }
            .Where(c => c.Item2 is not null)
            .Select(c => $"{c.Item1} {c.Item2}");
        return string.Join(" and ", conditions);
    }
}
