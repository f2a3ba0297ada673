namespace RagnarokOps.Domain.Classification;

/// <summary>P1 is the most urgent (customers are down), P4 the least (cosmetic, lint).</summary>
public enum SeverityLevel
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

internal static class SeverityLevels
{
    public static bool TryParse(string? text, out SeverityLevel level)
    {
        level = SeverityLevel.P3;
        if (text is not { Length: 2 } || text[0] is not ('P' or 'p') || text[1] is < '1' or > '4')
        {
            return false;
        }

        level = (SeverityLevel)(text[1] - '0');
        return true;
    }

    /// <summary>One step more urgent (toward P1), or less urgent (toward P4), clamped.</summary>
    public static SeverityLevel Raise(this SeverityLevel level) => level == SeverityLevel.P1 ? level : level - 1;

    public static SeverityLevel Lower(this SeverityLevel level) => level == SeverityLevel.P4 ? level : level + 1;
}
