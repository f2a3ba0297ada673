using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Redaction;

/// <summary>
/// Removes secrets from text that leaves the system (notes, scripts, tests, artifacts): credential headers,
/// secret-named fields in JSON, forms, query strings and XML, connection-string passwords and keys, URL
/// passwords, bearer tokens and well-known token shapes. It errs towards redacting too much.
/// </summary>
public static partial class SecretRedactor
{
    public const string Placeholder = "[REDACTED]";

    private static readonly string[] SecretFragments =
    [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "accesskey", "access_key",
        "privatekey", "private_key", "credential", "authorization", "cookie", "session", "signature", "accountkey", "sharedaccess",
    ];

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "pwd", "pass", "key", "auth", "sig", "sas", "otp", "pin", "cvv", "ssn", "x-auth", "private-token",
    };

    /// <summary>True for a header or field name that holds a credential (Authorization, Cookie, X-Api-Key, password, …).</summary>
    public static bool IsSecretName(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return SecretNames.Contains(lower) || SecretFragments.Any(f => lower.Contains(f, StringComparison.Ordinal));
    }

    /// <summary>Headers with secret values replaced by <see cref="Placeholder"/>; other values are text-redacted.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RedactHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        [.. headers.Select(h => new KeyValuePair<string, string>(h.Key, IsSecretName(h.Key) ? Placeholder : Redact(h.Value)))];

    /// <summary>Redacts a body, an error message, a URL or any free text.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = PrivateKeyBlock().Replace(text, $"-----BEGIN PRIVATE KEY-----{Placeholder}-----END PRIVATE KEY-----");
        result = UrlPassword().Replace(result, m => $"{m.Groups["prefix"].Value}{Placeholder}@");
        result = AuthScheme().Replace(result, m => LooksLikeCredential(m.Groups["value"].Value) ? $"{m.Groups["scheme"].Value} {Placeholder}" : m.Value);
        result = ConnectionStringSecret().Replace(result, m => $"{m.Groups["key"].Value}={Placeholder}");
        result = JsonPair().Replace(result, m => IsSecretName(m.Groups["key"].Value) ? $"{m.Groups["head"].Value}\"{Placeholder}\"" : m.Value);
        result = FormPair().Replace(result, m => IsSecretName(Uri.UnescapeDataString(m.Groups["key"].Value)) ? $"{m.Groups["key"].Value}={Placeholder}" : m.Value);
        result = XmlElement().Replace(result, m => IsSecretName(m.Groups["tag"].Value) ? $"<{m.Groups["tag"].Value}>{Placeholder}</{m.Groups["tag"].Value}>" : m.Value);
        result = ColonPair().Replace(result, m => m.Groups["value"].Value == Placeholder ? m.Value : $"{m.Groups["head"].Value}{Placeholder}");
        return KnownTokenShape().Replace(result, Placeholder);
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.\-]{0,20}://[^:@/\s]{1,200}:)[^@/\s]{1,500}@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();

    /// <summary>
    /// A scheme's value is a credential unless it reads like a prose word ("no error token appears",
    /// "Bearer tokens"): credentials carry digits, mixed case or token punctuation, or are long.
    /// </summary>
    private static bool LooksLikeCredential(string value) =>
        value.Length >= 24
        || value.Any(char.IsAsciiDigit)
        || value.Any(c => c is '-' or '.' or '_' or '~' or '+' or '/' or '=')
        || (value.Any(char.IsAsciiLetterUpper) && value.Any(char.IsAsciiLetterLower) && !(char.IsAsciiLetterUpper(value[0]) && value.Skip(1).All(char.IsAsciiLetterLower)));

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic|Digest|Token)\s+(?<value>[A-Za-z0-9\-._~+/]{6,}=*)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthScheme();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|user password|accountkey|sharedaccesskey|sharedaccesssignature|client secret))\s*=\s*(?:""[^""]*""|'[^']*'|[^;""'\s&]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringSecret();

    [GeneratedRegex(@"(?<head>""(?<key>[^""\\]{1,100})""\s*:\s*)""(?:[^""\\]|\\.)*""")]
    private static partial Regex JsonPair();

    [GeneratedRegex(@"(?<=^|[?&;\s""',(])(?<key>[^=&;?#\s""',()]{1,100})=[^&;#\s""',)]*")]
    private static partial Regex FormPair();

    /// <summary>
    /// <c>key: value</c> in logs and config dumps. Only whole secret words count as keys here (not the broad
    /// fragments of <see cref="IsSecretName"/>), so prose and Markdown such as "Error signatures:" stay intact.
    /// </summary>
    [GeneratedRegex(@"(?<head>\b(?:[\w.\-]*[_.\-])?(?i:password|passwd|pwd|secret|api[_\-]?key|access[_\-]?key|client[_\-]?secret|private[_\-]?token|token)\s*:\s*""?)(?<value>[^\s"";,&]+)")]
    private static partial Regex ColonPair();

    [GeneratedRegex(@"<(?<tag>[A-Za-z_][\w.\-]{0,100})>[^<]*</\k<tag>>")]
    private static partial Regex XmlElement();

    [GeneratedRegex(@"\bgl(?:pat|cbt|dt|ptt|rt|soat)-[A-Za-z0-9_\-]{20,}|\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{20,}|\bAKIA[0-9A-Z]{16}\b|\bxox[abprs]-[A-Za-z0-9\-]{10,}|\bsk_(?:live|test)_[A-Za-z0-9]{10,}|\beyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}")]
    private static partial Regex KnownTokenShape();
}
