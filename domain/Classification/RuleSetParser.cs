using System.Globalization;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Policy;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Classification;

/// <summary>Reads <c>rules.yaml</c> (<c>rules:</c> list of rules) into records, checking every field and regex.</summary>
internal static class RuleSetParser
{
    private static readonly string[] Keys =
        ["id", "category", "title", "severity", "patterns", "hint", "preventable", "priority", "context_before"];

    public static (IReadOnlyList<FailureRule> Rules, IReadOnlyList<PolicyError> Errors) Parse(string yaml, string file, string? source = null)
    {
        var reader = new YamlFieldReader(file);
        var rules = new List<FailureRule>();
        var root = reader.Mapping(reader.Load(yaml), "");
        reader.RejectUnknownKeys(root, "", "rules");
        var list = reader.Sequence(YamlFieldReader.Child(root, "rules"), "rules");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var node = list!.Children[i];
            var field = $"rules[{i}]";
            var map = reader.Mapping(node, field);
            if (map is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(map, field, Keys);
            var id = reader.String(map, "id", field, required: true);
            var category = reader.String(map, "category", field, required: true);
            var title = reader.String(map, "title", field, required: true);
            var severityText = reader.String(map, "severity", field, required: true);
            var patterns = reader.Strings(map, "patterns", field);
            var hint = reader.String(map, "hint", field) ?? "";
            var preventable = reader.Bool(map, "preventable", field) ?? false;
            var priority = reader.Number(map, "priority", field, 0, 100);
            var before = reader.String(map, "context_before", field);

            if (id is not null)
            {
                if (seen.TryGetValue(id, out var previous))
                {
                    reader.Error(YamlFieldReader.Child(map, "id")!, $"{field}.id", $"duplicate id '{id}' (first defined at line {previous})");
                }
                else
                {
                    seen[id] = (int)map.Start.Line;
                }
            }

            SeverityLevel severity = default;
            if (severityText is not null && !SeverityLevels.TryParse(severityText, out severity))
            {
                reader.Error(YamlFieldReader.Child(map, "severity")!, $"{field}.severity", $"expected P1, P2, P3 or P4, got '{severityText}'");
                severityText = null;
            }

            if (patterns.Count == 0)
            {
                reader.Error(YamlFieldReader.Child(map, "patterns") ?? map, $"{field}.patterns", "at least one pattern is required");
            }

            var patternsNode = YamlFieldReader.Child(map, "patterns");
            for (var p = 0; p < patterns.Count; p++)
            {
                CheckRegex(reader, patternsNode is YamlSequenceNode s && p < s.Children.Count ? s.Children[p] : patternsNode!, $"{field}.patterns[{p}]", patterns[p]);
            }

            if (before is not null)
            {
                CheckRegex(reader, YamlFieldReader.Child(map, "context_before")!, $"{field}.context_before", before);
            }

            if (id is not null && category is not null && title is not null && severityText is not null && patterns.Count > 0)
            {
                rules.Add(new FailureRule(id, category, title, severity, patterns, hint, preventable,
                    (int)(priority ?? FailureRule.DefaultPriority), before, source ?? file));
            }
        }

        return (rules, reader.Errors);
    }

    private static void CheckRegex(YamlFieldReader reader, YamlNode node, string field, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            reader.Error(node, field, string.Format(CultureInfo.InvariantCulture, "invalid regular expression: {0}", ex.Message));
        }
    }
}
