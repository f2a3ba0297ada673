using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Masks credentials in a failure chunk before it can be quoted in an issue note or stored as an artifact:
/// GitLab/GitHub/AWS/Slack tokens, bearer/basic authorization values, passwords and secrets in key=value form,
/// and passwords inside connection strings and URLs. Cheap, because it only ever sees the chunk.
/// </summary>
internal static partial class ChunkRedactor
{
    public const string Mask = "[REDACTED]";

    public static string Redact(string text)
    {
        text = Tokens().Replace(text, Mask);
        text = Authorization().Replace(text, m => m.Groups[1].Value + Mask);
        text = KeyValue().Replace(text, m => m.Groups[1].Value + Mask);
        return UrlPassword().Replace(text, m => m.Groups[1].Value + Mask + "@");
    }

    [GeneratedRegex(@"\b(?:glpat-[\w-]{20,}|gl(?:cbt|dt|ptt|rt|soat)-[\w-]{20,}|gh[pousr]_[A-Za-z0-9]{36,}|AKIA[0-9A-Z]{16}|xox[abprs]-[\w-]{10,}|eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,})")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"(?i)(\bauthorization:\s*(?:bearer|basic|token)\s+|\b(?:bearer|token)\s+)[\w\-.~+/=]{8,}")]
    private static partial Regex Authorization();

    [GeneratedRegex(@"(?i)(\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|client[_-]?secret|token)\b\s*[=:]\s*""?)[^\s"";,&]+")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^:/\s@]+:)[^@\s/]+@")]
    private static partial Regex UrlPassword();
}
