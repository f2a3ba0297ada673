using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Scoring;

/// <summary>
/// Identifier-like tokens, lower-cased, each with a weight for how much a match says: a config key,
/// snake_case constant or CamelCase symbol says much more than a plain word. Compounds
/// (<c>payment.timeout_ms</c>) are kept whole and split, so either spelling meets.
/// </summary>
internal static partial class Tokens
{
    public const double Specific = 0.8;
    public const double LongWord = 0.4;
    public const double ShortWord = 0.2;

    private static readonly string[] Separators = [".", "-", "__"];

    public static Dictionary<string, double> Extract(string text)
    {
        var tokens = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in Identifier().Matches(text))
        {
            if (IsNoise(m.Value.ToLowerInvariant()))
            {
                continue;
            }

            Add(tokens, m.Value, Weigh(m.Value));
            // Parts count half: "Checkout__MaxPoolSize" meets "MaxPoolSize", "PricingEngineException" meets "pricing".
            var parts = m.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts.Length > 1 ? parts : [])
            {
                Add(tokens, part, Weigh(part) * 0.5);
            }

            foreach (var word in parts.SelectMany(p => CamelWord().Matches(p).Select(w => w.Value)).Where(w => !parts.Contains(w)))
            {
                Add(tokens, word, Weigh(word) * 0.5);
            }
        }

        return tokens;
    }

    private static void Add(Dictionary<string, double> tokens, string raw, double weight)
    {
        var token = raw.Trim('_', '.', '-').ToLowerInvariant();
        if (token.Length < 4 || Stopwords.Contains(token) || IsNoise(token))
        {
            return;
        }

        if (!tokens.TryGetValue(token, out var existing) || existing < weight)
        {
            tokens[token] = weight;
        }
    }

    private static double Weigh(string raw)
    {
        var core = raw.Trim('_', '.', '-');
        var compound = core.IndexOfAny(['.', '-', '_']) > 0;
        var innerCapital = core.Skip(1).Any(char.IsUpper) && core.Any(char.IsLower);
        var digitsAndLetters = core.Any(char.IsDigit) && core.Any(char.IsLetter);
        if (compound || innerCapital || digitsAndLetters)
        {
            return Specific;
        }

        return core.Length >= 6 ? LongWord : ShortWord;
    }

    // Hex shas and ids carry no meaning across texts.
    private static bool IsNoise(string token) =>
        token.All(c => char.IsDigit(c) || c is '.' or '-' or '_') || (token.Length >= 7 && token.All(char.IsAsciiHexDigit) && token.Any(char.IsDigit));

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*")]
    private static partial Regex Identifier();

    // Words inside CamelCase and snake_case: "PricingEngineException" → Pricing, Engine, Exception.
    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")]
    private static partial Regex CamelWord();

    private static readonly HashSet<string> Stopwords =
    [
        // English
        "that", "this", "with", "from", "have", "been", "were", "when", "what", "which", "will", "would", "there", "their",
        "about", "after", "before", "since", "again", "still", "some", "more", "than", "then", "they", "them", "into", "also",
        "only", "just", "very", "does", "doesn", "didn", "can't", "cannot", "could", "should", "please", "help", "thanks",
        "being", "other", "each", "every", "here", "where", "while", "because", "same", "like", "know", "seems", "seeing",
        "getting", "started", "starting", "today", "minutes", "minute", "hours", "hour", "around", "approximately", "look",
        // incident words that every escalation carries
        "error", "errors", "exception", "exceptions", "failed", "failing", "fails", "failure", "issue", "problem", "broken",
        "customer", "customers", "users", "user", "urgent", "critical", "production", "staging", "prod", "outage", "incident",
        "request", "requests", "response", "status", "code", "http", "https", "internal", "server", "line", "stack", "trace",
        "message", "unhandled", "reported", "reports", "report", "escalation", "impact", "affected", "since",
        "change", "changes", "changed", "wrong", "works", "working", "worked", "fine", "happen", "happens", "happened",
        // code keywords
        "public", "private", "protected", "internal", "static", "void", "class", "struct", "record", "return", "returns",
        "string", "const", "readonly", "async", "await", "task", "import", "export", "function", "true", "false", "null",
        "none", "self", "else", "throw", "throws", "catch", "final", "var", "new", "using", "namespace", "package", "def",
        "type", "interface", "value", "values", "default", "override", "sealed", "bool", "void", "int", "long", "double",
        "object", "list", "dict", "test", "tests", "assert", "todo", "func", "main", "get", "set", "if", "for",
    ];
}
