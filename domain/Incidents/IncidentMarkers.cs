using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Incidents;

/// <summary>
/// Hidden HTML comments in what the incident flow writes, so a re-run finds its earlier writes instead of repeating
/// them: the issue carries its fingerprint, each note its kind and key, and each sent notification a ledger note.
/// </summary>
public static partial class IncidentMarkers
{
    public static string Issue(string fingerprint) => $"<!-- ragnarok:incident fp={fingerprint} -->";

    /// <summary>A repeat note for one observation (the signal's time is the key: the same signal twice is one repeat).</summary>
    public static string Repeat(string fingerprint, DateTimeOffset observedAt) =>
        $"<!-- ragnarok:incident-repeat fp={fingerprint} at={observedAt.UtcTicks} -->";

    public static string Recovery(string fingerprint, DateTimeOffset observedAt) =>
        $"<!-- ragnarok:incident-recovered fp={fingerprint} at={observedAt.UtcTicks} -->";

    /// <summary>The ledger entry for one notification: channel (email, slack, teams) and incident state (failing, recovered).</summary>
    public static string Sent(string fingerprint, string channel, string state) =>
        $"<!-- ragnarok:incident-sent fp={fingerprint} channel={channel} state={state} -->";

    /// <summary>The occurrence count a repeat note records (<c>count=N</c>).</summary>
    public static string Count(int count) => $"<!-- ragnarok:incident-count={count} -->";

    public static int? ReadCount(string? body) =>
        body is not null && CountSyntax().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool Has(string? body, string marker) => body?.Contains(marker, StringComparison.Ordinal) == true;

    [GeneratedRegex(@"<!-- ragnarok:incident-count=(\d{1,9}) -->")]
    private static partial Regex CountSyntax();
}
