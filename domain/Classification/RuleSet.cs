using System.Reflection;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Classification;

/// <summary>An ordered set of failure rules with unique ids: the built-in set, optionally overlaid by a repository's own.</summary>
public sealed class RuleSet
{
    private static readonly Lazy<RuleSet> BuiltInLazy = new(LoadBuiltIn);

    public RuleSet(IReadOnlyList<FailureRule> rules)
    {
        Rules = rules;
    }

    public IReadOnlyList<FailureRule> Rules { get; }

    /// <summary>The rules that ship with the product (<c>domain/Classification/rules.yaml</c>).</summary>
    public static RuleSet BuiltIn => BuiltInLazy.Value;

    public FailureRule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// This set with <paramref name="extra"/> laid over it: a rule with an existing id replaces that rule in place,
    /// a new id is appended. A repository can thus tune a built-in rule without copying the whole set.
    /// </summary>
    public RuleSet With(IEnumerable<FailureRule> extra)
    {
        var merged = Rules.ToList();
        foreach (var rule in extra)
        {
            var index = merged.FindIndex(r => string.Equals(r.Id, rule.Id, StringComparison.Ordinal));
            if (index >= 0)
            {
                merged[index] = rule;
            }
            else
            {
                merged.Add(rule);
            }
        }

        return new RuleSet(merged);
    }

    /// <summary>Where a repository keeps its own rules, beside its policy.</summary>
    public const string RepositoryFile = ".ragnarok/rules.yaml";

    /// <summary>
    /// The built-in rules with a repository's rules file laid over them (null or blank: the built-in set). On errors the
    /// built-in set is returned together with every error, so a broken file is reported, never silently half-applied.
    /// </summary>
    public static (RuleSet Rules, IReadOnlyList<PolicyError> Errors) ForRepository(string? yaml, string file = RepositoryFile)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return (BuiltIn, []);
        }

        var (rules, errors) = Parse(yaml, file);
        return errors.Count > 0 ? (BuiltIn, errors) : (BuiltIn.With(rules), []);
    }

    /// <summary>Parses a rules file; every problem is reported with its line and field.</summary>
    public static (IReadOnlyList<FailureRule> Rules, IReadOnlyList<PolicyError> Errors) Parse(string yaml, string file) =>
        RuleSetParser.Parse(yaml, file);

    private static RuleSet LoadBuiltIn()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("RagnarokOps.Domain.Classification.rules.yaml")
            ?? throw new InvalidOperationException("the built-in rules.yaml is not embedded in the domain assembly");
        using var reader = new StreamReader(stream);
        var (rules, errors) = RuleSetParser.Parse(reader.ReadToEnd(), "built-in rules.yaml", FailureRule.BuiltInSource);
        return errors.Count > 0 ? throw new PolicyException(errors) : new RuleSet(rules);
    }
}
