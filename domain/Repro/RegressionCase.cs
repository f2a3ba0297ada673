namespace RagnarokOps.Domain.Repro;

/// <summary>What every writer needs: the safe request, the marker, a one-line description and safe names.</summary>
internal sealed record RegressionCase(SafeRequest Request, string Marker, string Description, string StagingVariable, IReadOnlyList<string> CaseWords, IReadOnlyList<string> TestWords)
{
    public static RegressionCase From(ReproInput input, SafeRequest request)
    {
        var caseWords = Dedupe(CodeText.Words(input.ServiceName).Concat(CodeText.Words(input.CaseId))).Take(8).ToList();
        var pathWords = CodeText.Words(Uri.UnescapeDataString(request.PathAndQuery.Split('?')[0])).Where(w => w != "REDACTED").Take(4);
        var testWords = new[] { request.Method.ToLowerInvariant() }.Concat(pathWords).Append("returns").Append($"{request.ExpectedStatus}").ToList();
        var marker = $"ragnarok-regression: {CodeText.OneLine(input.CaseId, 120)}";
        var description = CodeText.OneLine($"{input.ServiceName}: {request.Method} {request.PathAndQuery} should answer {request.ExpectedStatus} but answered {request.ActualText}", 400);
        var variable = IsEnvironmentName(input.StagingUrlVariable) ? input.StagingUrlVariable : "STAGING_URL";
        return new RegressionCase(request, marker, description, variable, caseWords.Count == 0 ? ["case"] : caseWords, testWords);
    }

    /// <summary>The case as a type name, e.g. <c>Checkout42</c>.</summary>
    public string Pascal => Leading(CodeText.Pascal(CaseWords), "Case");

    /// <summary>The case as a file or function name, e.g. <c>checkout_42</c>.</summary>
    public string Snake => Leading(CodeText.Snake(CaseWords), "case_");

    public string TestPascal => Leading(CodeText.Pascal(TestWords), "Request");

    public string TestSnake => CodeText.Snake(TestWords);

    public string TestCamel => char.ToLowerInvariant(TestPascal[0]) + TestPascal[1..];

    public string MissingStagingMessage => $"{StagingVariable} must hold the staging base URL (never production)";

    public string FailureMessage => CodeText.OneLine($"{Request.Method} {Request.PathAndQuery} should answer {Request.ExpectedStatus} (the bug answered {Request.ActualText})", 400);

    public static bool IsEnvironmentName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Leading(string name, string prefix) => name.Length > 0 && char.IsAsciiDigit(name[0]) ? prefix + name : name;

    private static IEnumerable<string> Dedupe(IEnumerable<string> words)
    {
        string? previous = null;
        foreach (var word in words)
        {
            if (!string.Equals(word, previous, StringComparison.OrdinalIgnoreCase))
            {
                yield return word;
            }

            previous = word;
        }
    }
}
