using System.Text;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Domain.Repro;

/// <summary>A header the generated code sends: a literal value, or (for a credential) the environment variable that supplies it.</summary>
internal sealed record SafeHeader(string Name, string? Value, string? EnvironmentVariable);

/// <summary>
/// The failing request made fit to publish: secrets redacted, credential headers turned into environment
/// variables (so a repro can still authenticate without the note carrying the secret), the method a token,
/// the path a URI path that any language's URL parser accepts.
/// </summary>
internal sealed record SafeRequest(string Method, string PathAndQuery, IReadOnlyList<SafeHeader> Headers, string? Body, int ExpectedStatus, int? ActualStatus, string? ActualError)
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Expect", "TE", "Trailer", "Proxy-Connection",
    };

    public IEnumerable<SafeHeader> LiteralHeaders => Headers.Where(h => h.Value is not null);

    public IEnumerable<SafeHeader> SecretHeaders => Headers.Where(h => h.EnvironmentVariable is not null);

    public string ActualText => ActualStatus is { } status
        ? (string.IsNullOrEmpty(ActualError) ? $"{status}" : $"{status} ({ActualError})")
        : ActualError ?? "no response";

    public static SafeRequest From(FailingRequest request)
    {
        var headers = new List<SafeHeader>();
        foreach (var (rawName, value) in request.Headers)
        {
            var name = new string(rawName.Where(IsTokenChar).ToArray());
            if (name.Length == 0 || Dropped.Contains(name) || headers.Any(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!SecretRedactor.IsSecretName(name))
            {
                headers.Add(new SafeHeader(name, CodeText.OneLine(SecretRedactor.Redact(value), 2000), null));
                continue;
            }

            var variable = "REPRO_" + string.Join('_', CodeText.Words(name).Select(w => w.ToUpperInvariant()));
            if (!headers.Any(h => h.EnvironmentVariable == variable))
            {
                headers.Add(new SafeHeader(name, null, variable));
            }
        }

        var method = new string(request.Method.Trim().ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray());
        var error = request.ActualError is null ? null : CodeText.OneLine(SecretRedactor.Redact(request.ActualError), 300);
        return new SafeRequest(method.Length == 0 ? "GET" : method, NormalizePath(request.Path), headers, request.Body is null ? null : SecretRedactor.Redact(request.Body), request.ExpectedStatus, request.ActualStatus, error);
    }

    public string? ContentType => LiteralHeaders.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The path and query, redacted, with anything outside RFC 3986's characters percent-encoded.</summary>
    private static string NormalizePath(string path)
    {
        var trimmed = path.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            trimmed = absolute.PathAndQuery;
        }

        var fragment = trimmed.IndexOf('#', StringComparison.Ordinal);
        trimmed = fragment >= 0 ? trimmed[..fragment] : trimmed;
        var redacted = SecretRedactor.Redact(trimmed);
        var builder = new StringBuilder(redacted.Length + 1);
        if (!redacted.StartsWith('/'))
        {
            builder.Append('/');
        }

        var bytes = Encoding.UTF8.GetBytes(redacted);
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = (char)bytes[i];
            var keep = bytes[i] < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~:/?@!$&'()*+,;=".Contains(c, StringComparison.Ordinal)
                || (c == '%' && i + 2 < bytes.Length && char.IsAsciiHexDigit((char)bytes[i + 1]) && char.IsAsciiHexDigit((char)bytes[i + 2])));
            builder.Append(keep ? c : $"%{bytes[i]:X2}");
        }

        // "//host" after a base URL would read as a new authority in some clients.
        return "/" + builder.ToString().TrimStart('/');
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
