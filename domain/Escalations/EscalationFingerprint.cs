using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// A short hash of what makes an escalation the same problem: environment, service and error signatures
/// (ids and numbers in endpoints masked). With no signatures it falls back to the title's words with
/// numbers, ids and timestamps removed, sorted, so rewording the order or a date still links.
/// </summary>
public static partial class EscalationFingerprint
{
    public static string Compute(string title, ErrorSignatures signatures, string? service, string? environment)
    {
        var parts = new List<string> { "env=" + (environment ?? "?"), "svc=" + (service ?? "?") };
        if (signatures.IsEmpty)
        {
            parts.Add("title=" + string.Join(' ', TitleWords(title)));
        }
        else
        {
            parts.Add("ex=" + Join(signatures.ExceptionTypes.Select(ShortType)));
            parts.Add("http=" + Join(signatures.StatusCodes.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            parts.Add("codes=" + Join(signatures.ErrorCodes));
            parts.Add("ep=" + Join(signatures.Endpoints.Select(MaskIds)));
            parts.Add("files=" + Join(signatures.StackFrames.Where(f => f.File is not null).Select(f => Path.GetFileName(f.File!))));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary><c>GET /api/orders/12345/items</c> → <c>GET /api/orders/{id}/items</c>.</summary>
    public static string MaskIds(string endpoint) => IdSegment().Replace(endpoint.ToLowerInvariant(), "/{id}");

    private static string ShortType(string type) => type[(type.LastIndexOf('.') + 1)..];

    private static string Join(IEnumerable<string> values) =>
        string.Join(',', values.Select(v => v.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    private static IEnumerable<string> TitleWords(string title) =>
        Word().Matches(Noise().Replace(title.ToLowerInvariant(), " "))
            .Select(m => m.Value)
            .Where(w => w.Length > 2 && !IgnoredTitleWords.Contains(w))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static readonly HashSet<string> IgnoredTitleWords = ["urgent", "critical", "the", "and", "for", "again", "still", "escalation", "re", "fwd"];

    [GeneratedRegex(@"/(?:\d+|[0-9a-f]{8}-[0-9a-f-]{27,}|[0-9a-f]{12,})(?=/|$)")]
    private static partial Regex IdSegment();

    // Timestamps, times, hex ids, numbers.
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]?[\d:.]*z?|\b\d{1,2}:\d{2}\b|\b[0-9a-f]{7,}\b|\d+")]
    private static partial Regex Noise();

    [GeneratedRegex(@"[a-z][a-z_-]*")]
    private static partial Regex Word();
}
