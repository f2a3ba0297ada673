using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Escalations;

/// <summary>Pulls error signatures out of free text; every list is distinct and in order of first mention.</summary>
public static partial class SignatureExtractor
{
    public static ErrorSignatures Extract(string text)
    {
        var exceptions = Distinct(ExceptionType().Matches(text).Select(m => m.Value));
        var statuses = StatusCodes(text);
        var codes = Distinct(ErrorCode().Matches(text).Select(m => m.Value)
            .Where(c => !c.EndsWith("_ID", StringComparison.Ordinal) && !IsHttpMethodConstant(c)));
        var endpoints = Distinct(Endpoint().Matches(text).Select(m => NormalizeEndpoint(m.Groups["method"].Value, m.Groups["path"].Value)));
        var requestIds = Distinct(RequestId().Matches(text).Select(m => m.Groups["id"].Value));
        var frames = StackFrameParser.ParseAll(text);
        var phrases = Distinct(Quoted().Matches(text).Select(m => m.Groups["q"].Value.Trim())
            .Where(q => q.Length >= 4 && q.Length <= 200 && !requestIds.Contains(q)));
        return new ErrorSignatures(exceptions, statuses, codes, endpoints, requestIds, frames, phrases);
    }

    /// <summary><c>post /api/checkout?x=1</c> → <c>POST /api/checkout</c>.</summary>
    public static string NormalizeEndpoint(string method, string path)
    {
        var query = path.IndexOfAny(['?', '#']);
        var clean = (query >= 0 ? path[..query] : path).TrimEnd('.', ',', ';', ':', '/');
        return $"{method.ToUpperInvariant()} {(clean.Length == 0 ? "/" : clean)}";
    }

    private static List<int> StatusCodes(string text)
    {
        var found = new List<int>();
        foreach (Match m in StatusBefore().Matches(text).Concat(StatusAfter().Matches(text)).OrderBy(m => m.Index))
        {
            var code = int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture);
            if (!found.Contains(code))
            {
                found.Add(code);
            }
        }

        return found;
    }

    private static bool IsHttpMethodConstant(string code) => code is "HTTP_GET" or "HTTP_POST";

    private static List<string> Distinct(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b(?:[A-Za-z_][A-Za-z0-9_]*\.)*[A-Z][A-Za-z0-9_]*(?:Exception|Error)\b")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"(?i)\b(?:HTTP(?:/\d(?:\.\d)?)?|status(?:\s+code)?|returns?|returned|got|with|answered)\s*[:=]?\s*(?<code>[1-5]\d\d)\b")]
    private static partial Regex StatusBefore();

    [GeneratedRegex(@"(?i)\b(?<code>[45]\d\d)\s+(?:error|errors|internal|bad|not|service|gateway|unauthori[sz]ed|forbidden|too|conflict|unprocessable|request|s\b)")]
    private static partial Regex StatusAfter();

    [GeneratedRegex(@"\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|(?:E|ERR|ERROR)[-_]?\d{3,})\b")]
    private static partial Regex ErrorCode();

    [GeneratedRegex(@"(?i)\b(?<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?<path>/[^\s""'`)\]>]*)")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"(?i)\b(?:x-)?(?:request|req|correlation|trace|operation)[-_ ]?id\b\s*[:=#]?\s*[`""']?(?<id>[A-Za-z0-9][A-Za-z0-9_-]{5,})")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"[""“`](?<q>[^""”`\n]{4,200})[""”`]")]
    private static partial Regex Quoted();
}
