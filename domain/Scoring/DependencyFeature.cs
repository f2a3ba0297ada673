using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Scoring;

/// <summary>
/// A dependency bump meets the errors through the package's name: <c>Stripe.net</c> in a project file and
/// <c>Stripe.StripeClient.RequestAsync</c> in a stack frame, or <c>requests</c> and <c>requests.exceptions.SSLError</c>.
/// </summary>
internal static partial class DependencyFeature
{
    public const double Weight = 1.5;

    public static Contribution? Match(Candidate candidate, ErrorProfile errors)
    {
        var packages = candidate.Files.Where(ChangeTraits.IsDependencyChange)
            .SelectMany(f => ChangeTraits.ChangedLines(f.Diff))
            .SelectMany(l => PackageName().Matches(l).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (packages.Count == 0)
        {
            return null;
        }

        var symbols = errors.Frames.Select(f => f.Symbol ?? f.Raw).Concat(errors.Tokens.Keys).ToList();
        foreach (var package in packages)
        {
            var root = Root(package);
            if (root.Length < 3)
            {
                continue;
            }

            var hit = symbols.FirstOrDefault(s => Root(s).Equals(root, StringComparison.OrdinalIgnoreCase));
            if (hit is not null)
            {
                return new Contribution("dependency match", Weight, $"bumps `{package}`, and `{hit.Trim()}` in the errors is that package's code.");
            }
        }

        return new Contribution("dependency match", 0, $"bumps {string.Join(", ", packages.Take(4).Select(p => $"`{p}`"))}; none appears in the errors.");
    }

    // "Stripe.net" → "stripe", "@stripe/stripe-js" → "stripe", "at Stripe.StripeClient.X" → "stripe".
    private static string Root(string name)
    {
        var trimmed = name.Trim().TrimStart('@');
        if (trimmed.StartsWith("at ", StringComparison.Ordinal))
        {
            trimmed = trimmed[3..];
        }

        var end = trimmed.IndexOfAny(['.', '/', '-', '(', ' ', ':', '_']);
        return (end > 0 ? trimmed[..end] : trimmed).ToLowerInvariant();
    }

    // Include="X" (MSBuild), "x": "^1" (npm), x==1 / x>=1 (pip), module/path v1 (go), group:artifact (gradle).
    [GeneratedRegex(@"Include=""(?<name>[^""]+)""|^[+-]\s*""(?<name>[@\w./-]+)""\s*:\s*""[\^~<>=]?\d|^[+-]\s*(?<name>[A-Za-z][\w.-]*)\s*(?:==|>=|~=|<=)|^[+-]\s*(?:require\s+)?(?<name>[\w.-]+\.[a-z]{2,}/[\w./-]+)\s+v\d|<artifactId>(?<name>[^<]+)</artifactId>")]
    private static partial Regex PackageName();
}
