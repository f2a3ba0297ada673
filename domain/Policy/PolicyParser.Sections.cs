using System.Globalization;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Classification;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Policy;

/// <summary>drift, actions, approval and severity sections.</summary>
public static partial class PolicyParser
{
    private static readonly Dictionary<string, ActionKind> ActionNames = Enum.GetValues<ActionKind>().ToDictionary(ActionsPolicy.YamlName, a => a);

    private static readonly Dictionary<string, int> AccessLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["guest"] = 10, ["reporter"] = 20, ["developer"] = 30, ["maintainer"] = 40, ["owner"] = 50,
    };

    private static DriftPolicy Drift(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "drift"), "drift");
        if (map is null)
        {
            return DriftPolicy.None;
        }

        reader.RejectUnknownKeys(map, "drift", "schedule", "expected");
        var schedule = reader.String(map, "schedule", "drift");
        if (schedule is not null && !CronSyntax().IsMatch(schedule.Trim()))
        {
            reader.Error(YamlFieldReader.Child(map, "schedule")!, "drift.schedule", $"'{schedule}' is not a five-field cron expression (minute hour day month weekday)");
        }

        if (YamlFieldReader.Child(map, "expected") is YamlSequenceNode list)
        {
            return new DriftPolicy(schedule, ExpectedPathsOf(list), new Dictionary<string, IReadOnlyList<string>>());
        }

        var expected = reader.Mapping(YamlFieldReader.Child(map, "expected"), "drift.expected");
        reader.RejectUnknownKeys(expected, "drift.expected", "paths", "keys");
        var paths = reader.Strings(expected, "paths", "drift.expected");
        if (expected is not null)
        {
            CheckGlobs(reader, expected, "paths", "drift.expected", paths);
        }

        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var keysMap = reader.Mapping(YamlFieldReader.Child(expected, "keys"), "drift.expected.keys");
        foreach (var fileNode in keysMap?.Children.Keys ?? (IEnumerable<YamlNode>)[])
        {
            var path = ((YamlScalarNode)fileNode).Value ?? "";
            keys[path] = reader.Strings(keysMap, path, "drift.expected.keys");
        }

        return new DriftPolicy(schedule, paths, keys);
    }

    /// <summary>
    /// The list form of drift.expected (<c>- path: glob</c> with optional <c>keys</c>), which TopologyParser validates:
    /// here only its whole-file entries count as expected paths.
    /// </summary>
    private static List<string> ExpectedPathsOf(YamlSequenceNode list) =>
        [.. list.Children.OfType<YamlMappingNode>()
            .Where(item => YamlFieldReader.Child(item, "keys") is null)
            .Select(item => (YamlFieldReader.Child(item, "path") as YamlScalarNode)?.Value)
            .Where(path => !string.IsNullOrWhiteSpace(path) && Glob.TryParse(path, out _, out _))
            .Select(path => path!)];

    private static ActionsPolicy Actions(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "actions"), "actions");
        var rules = new Dictionary<ActionKind, ActionRule>(ActionsPolicy.Default.Rules);
        reader.RejectUnknownKeys(map, "actions", [.. ActionNames.Keys]);
        foreach (var (keyNode, value) in map?.Children ?? (IEnumerable<KeyValuePair<YamlNode, YamlNode>>)[])
        {
            if (!ActionNames.TryGetValue(((YamlScalarNode)keyNode).Value ?? "", out var action))
            {
                continue;
            }

            var field = $"actions.{ActionsPolicy.YamlName(action)}";
            var line = (int)keyNode.Start.Line;
            var defaults = ActionsPolicy.Default.Rules[action];
            string? modeText;
            double? minConfidence = null;
            YamlNode modeNode = value;
            if (value is YamlMappingNode detail)
            {
                reader.RejectUnknownKeys(detail, field, "mode", "min_confidence");
                modeText = reader.String(detail, "mode", field, required: true);
                modeNode = YamlFieldReader.Child(detail, "mode") ?? detail;
                minConfidence = reader.Number(detail, "min_confidence", field, 0, 1);
            }
            else if (value is YamlScalarNode scalar)
            {
                modeText = scalar.Value;
            }
            else
            {
                reader.Error(value, field, "expected allow, require_approval or deny, or a mapping with mode and min_confidence");
                continue;
            }

            ActionMode? mode = modeText switch
            {
                "allow" => ActionMode.Allow,
                "require_approval" => ActionMode.RequireApproval,
                "deny" => ActionMode.Deny,
                _ => null,
            };
            if (mode is null)
            {
                if (modeText is not null)
                {
                    reader.Error(modeNode, value is YamlMappingNode ? $"{field}.mode" : field, $"expected allow, require_approval or deny, got '{modeText}'");
                }

                continue;
            }

            rules[action] = new ActionRule(mode.Value, minConfidence ?? defaults.MinConfidence, line);
        }

        return new ActionsPolicy(rules);
    }

    private static ApprovalPolicy Approval(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "approval"), "approval");
        if (map is null)
        {
            return ApprovalPolicy.Default;
        }

        reader.RejectUnknownKeys(map, "approval", "min_access_level", "users", "groups", "timeout");
        var level = ApprovalPolicy.Default.MinAccessLevel;
        if (reader.String(map, "min_access_level", "approval") is { } levelText)
        {
            if (AccessLevels.TryGetValue(levelText, out var named))
            {
                level = named;
            }
            else if (int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && AccessLevels.ContainsValue(number))
            {
                level = number;
            }
            else
            {
                reader.Error(YamlFieldReader.Child(map, "min_access_level")!, "approval.min_access_level",
                    $"'{levelText}' is not a GitLab access level (developer, maintainer, owner or 30, 40, 50)");
            }
        }

        var timeout = ApprovalPolicy.Default.Timeout;
        if (reader.String(map, "timeout", "approval") is { } timeoutText)
        {
            if (TryDuration(timeoutText, out var parsed))
            {
                timeout = parsed;
            }
            else
            {
                reader.Error(YamlFieldReader.Child(map, "timeout")!, "approval.timeout", $"'{timeoutText}' is not a duration such as 30m, 24h or 2d");
            }
        }

        var users = reader.Strings(map, "users", "approval").Select(u => u.TrimStart('@')).ToList();
        var groups = reader.Strings(map, "groups", "approval").Select(g => g.TrimStart('@')).ToList();
        return new ApprovalPolicy(level, users, groups, timeout);
    }

    private static List<SeverityOverride> Severity(YamlFieldReader reader, YamlMappingNode? root, List<ServicePolicy> services)
    {
        var result = new List<SeverityOverride>();
        var map = reader.Mapping(YamlFieldReader.Child(root, "severity"), "severity");
        reader.RejectUnknownKeys(map, "severity", "overrides");
        var list = reader.Sequence(YamlFieldReader.Child(map, "overrides"), "severity.overrides");
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"severity.overrides[{i}]";
            var item = reader.Mapping(list!.Children[i], field);
            if (item is null)
            {
                continue;
            }

            reader.RejectUnknownKeys(item, field, "rule", "category", "service", "level");
            var rule = reader.String(item, "rule", field);
            var category = reader.String(item, "category", field);
            var service = reader.String(item, "service", field);
            var levelText = reader.String(item, "level", field, required: true);
            if (rule is null && category is null && service is null)
            {
                reader.Error(item, field, "an override needs at least one of rule, category or service");
            }

            if (service is not null && !services.Any(s => string.Equals(s.Name, service, StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(YamlFieldReader.Child(item, "service")!, $"{field}.service", $"'{service}' is not one of the services");
            }

            if (levelText is not null && !SeverityLevels.TryParse(levelText, out _))
            {
                reader.Error(YamlFieldReader.Child(item, "level")!, $"{field}.level", $"expected P1, P2, P3 or P4, got '{levelText}'");
            }
            else if (levelText is not null && SeverityLevels.TryParse(levelText, out var level))
            {
                result.Add(new SeverityOverride(rule, category, service, level, (int)item.Start.Line));
            }
        }

        return result;
    }

    internal static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationSyntax().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(\d{1,6})(s|m|h|d)$")]
    private static partial Regex DurationSyntax();

    [GeneratedRegex(@"^(?:[\d*/,\-]+|\*)(?:\s+[\d*/,\-A-Za-z]+){4}$")]
    private static partial Regex CronSyntax();
}
