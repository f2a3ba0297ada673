using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// GitLab writes ISO 8601 in the REST API but "2015-05-17 18:08:09 UTC" or "2021-04-28 21:50:00 +0200" in
/// several webhooks; all of them read, and we always write ISO 8601.
/// </summary>
internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss 'UTC'",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF 'UTC'",
        "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd HH:mm:ss zzzz",
        "yyyy-MM-dd HH:mm:ss K",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string, got {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var iso))
        {
            return iso;
        }

        var text = reader.GetString()!;
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new JsonException($"Unrecognised timestamp '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));

    internal static bool TryParse(string text, out DateTimeOffset value)
    {
        // "+0200" has no colon, which zzz does not accept; normalise it first.
        var normalised = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1])
            ? text[..^2] + ":" + text[^2..]
            : text;
        return DateTimeOffset.TryParseExact(normalised, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
