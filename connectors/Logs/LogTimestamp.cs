using System.Globalization;

namespace RagnarokOps.Connectors.Logs;

/// <summary>Log timestamps: ISO 8601 with or without offset (no offset means UTC), comma or dot fractions.</summary>
internal static class LogTimestamp
{
    public static DateTimeOffset? Parse(string text)
    {
        var normalised = text.Trim().Replace(',', '.');
        return DateTimeOffset.TryParse(
            normalised,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : null;
    }
}
