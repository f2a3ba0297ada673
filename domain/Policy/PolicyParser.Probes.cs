using System.Globalization;
using RagnarokOps.Domain.Probes;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Policy;

/// <summary>
/// A service's <c>probes:</c> list — the fields of the host-setting targets in snake_case:
/// <c>{ name, kind, url, connection, interval, schedule, failures, expect_status, max_latency_ms, body_match, tls_min_days,
/// allow_untrusted_certificate, max_percent, sustained_seconds, max_connections_percent, timeout_seconds }</c>.
/// The service is the one the list sits under; the project is the repository the policy was read from.
/// </summary>
public static partial class PolicyParser
{
    private static readonly string[] ProbeKeys =
    [
        "name", "kind", "url", "connection", "interval", "schedule", "failures", "expect_status", "max_latency_ms", "body_match",
        "tls_min_days", "allow_untrusted_certificate", "max_percent", "sustained_seconds", "max_connections_percent", "timeout_seconds",
    ];

    private static List<ProbeTarget> Probes(YamlFieldReader reader, YamlMappingNode service, string serviceField, string? serviceName, HashSet<string> names)
    {
        var result = new List<ProbeTarget>();
        var list = reader.Sequence(YamlFieldReader.Child(service, "probes"), $"{serviceField}.probes");
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var field = $"{serviceField}.probes[{i}]";
            var map = reader.Mapping(list!.Children[i], field);
            if (map is null)
            {
                continue;
            }

            var before = reader.Errors.Count;
            reader.RejectUnknownKeys(map, field, ProbeKeys);
            var kindText = reader.String(map, "kind", field, required: true);
            var kind = ProbeKind.Http;
            if (kindText is not null && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _)))
            {
                reader.Error(YamlFieldReader.Child(map, "kind")!, $"{field}.kind", $"'{kindText}' is not http, cpu, memory or postgres");
            }

            var defaults = ProbeThresholds.Default;
            var thresholds = new ProbeThresholds(
                Whole(reader, map, "failures", field) ?? defaults.FailuresToOpen,
                Whole(reader, map, "expect_status", field),
                Whole(reader, map, "max_latency_ms", field),
                reader.String(map, "body_match", field),
                Whole(reader, map, "tls_min_days", field) ?? defaults.TlsMinDays,
                reader.Bool(map, "allow_untrusted_certificate", field) ?? false,
                reader.Number(map, "max_percent", field, 0, 100) ?? defaults.MaxPercent,
                Whole(reader, map, "sustained_seconds", field) ?? defaults.SustainedSeconds,
                reader.Number(map, "max_connections_percent", field, 0, 100) ?? defaults.MaxConnectionsPercent,
                Whole(reader, map, "timeout_seconds", field) ?? defaults.TimeoutSeconds);
            var interval = ProbeTarget.DefaultIntervalSeconds;
            if (reader.String(map, "interval", field) is { } intervalText)
            {
                if (TryDuration(intervalText, out var span) && span > TimeSpan.Zero)
                {
                    interval = (int)span.TotalSeconds;
                }
                else if (int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    interval = seconds;
                }
                else
                {
                    reader.Error(YamlFieldReader.Child(map, "interval")!, $"{field}.interval", $"'{intervalText}' is not seconds or a duration (60s, 5m)");
                }
            }

            var name = reader.String(map, "name", field, required: true);
            if (name is not null && !names.Add(name))
            {
                // Names key the probe history and the incident fingerprint.
                reader.Error(YamlFieldReader.Child(map, "name")!, $"{field}.name", $"probe '{name}' is defined twice in the policy");
            }

            var line = (int)map.Start.Line;
            var target = new ProbeTarget(
                name ?? string.Empty,
                serviceName ?? string.Empty,
                Project: string.Empty, // the repository the policy comes from, set when it is read for probing
                kind,
                reader.String(map, "url", field),
                reader.String(map, "connection", field),
                interval,
                reader.String(map, "schedule", field),
                thresholds,
                $"{reader.File}:{line}");
            if (reader.Errors.Count > before || name is null)
            {
                continue;
            }

            // The same rules the host settings meet, reported at the entry's line; the project is not known here.
            foreach (var problem in ProbeTargetRules.Problems(target).Where(p => !p.StartsWith("project:", StringComparison.Ordinal)))
            {
                reader.Error(map, field, problem);
            }

            if (reader.Errors.Count == before)
            {
                result.Add(target);
            }
        }

        return result;
    }

    private static int? Whole(YamlFieldReader reader, YamlMappingNode map, string key, string field)
    {
        if (reader.String(map, key, field) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        reader.Error(YamlFieldReader.Child(map, key)!, YamlFieldReader.Join(field, key), $"'{text}' is not a whole number");
        return null;
    }
}
