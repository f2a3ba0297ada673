using System.Globalization;
using Microsoft.Extensions.Configuration;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>
/// Targets from host settings: <c>Ragnarok:Probes:Targets:N:Name|Service|Project|Kind|Url|Connection|Interval|Schedule</c>
/// and thresholds (<c>Failures, ExpectStatus, MaxLatencyMs, BodyMatch, TlsMinDays, AllowUntrustedCertificate, MaxPercent,
/// SustainedSeconds, MaxConnectionsPercent, TimeoutSeconds</c>). A target without a project takes the first of
/// <c>Ragnarok:Probes:Projects</c>. A target that cannot be read is left out and named with its setting and why.
/// </summary>
public static class ProbeTargetSettings
{
    public const string Section = "Ragnarok:Probes";

    private static readonly string[] Known =
    [
        "Name", "Service", "Project", "Kind", "Url", "Connection", "Interval", "Schedule", "Failures", "ExpectStatus", "MaxLatencyMs",
        "BodyMatch", "TlsMinDays", "AllowUntrustedCertificate", "MaxPercent", "SustainedSeconds", "MaxConnectionsPercent", "TimeoutSeconds",
    ];

    /// <summary>The projects of <c>Ragnarok:Probes:Projects</c> (comma-separated): the project of targets without one, and the repositories whose policies list probes.</summary>
    public static IReadOnlyList<string> Projects(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration[$"{Section}:Projects"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Every target under <c>Ragnarok:Probes:Targets</c>, and a problem line per target that could not be read.</summary>
    public static ProbeTargetSet Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var projects = (section["Projects"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var targets = new List<ProbeTarget>();
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetSection("Targets").GetChildren())
        {
            var where = $"{Section}:Targets:{entry.Key}";
            var errors = new List<string>();
            foreach (var unknown in entry.GetChildren().Select(c => c.Key).Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
            {
                errors.Add($"{unknown}: unknown setting (known: {string.Join(", ", Known)})");
            }

            if (!Enum.TryParse<ProbeKind>(entry["Kind"], ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(entry["Kind"], out _))
            {
                errors.Add($"Kind: '{entry["Kind"]}' is not http, cpu, memory or postgres");
            }

            var defaults = ProbeThresholds.Default;
            var thresholds = new ProbeThresholds(
                Int(entry, "Failures", errors) ?? defaults.FailuresToOpen,
                Int(entry, "ExpectStatus", errors),
                Int(entry, "MaxLatencyMs", errors),
                entry["BodyMatch"] is { Length: > 0 } body ? body : null,
                Int(entry, "TlsMinDays", errors) ?? defaults.TlsMinDays,
                Bool(entry, "AllowUntrustedCertificate", errors) ?? false,
                Number(entry, "MaxPercent", errors) ?? defaults.MaxPercent,
                Int(entry, "SustainedSeconds", errors) ?? defaults.SustainedSeconds,
                Number(entry, "MaxConnectionsPercent", errors) ?? defaults.MaxConnectionsPercent,
                Int(entry, "TimeoutSeconds", errors) ?? defaults.TimeoutSeconds);
            var interval = entry["Interval"] is { Length: > 0 } text ? Seconds(text, errors) : ProbeTarget.DefaultIntervalSeconds;
            var target = new ProbeTarget(
                entry["Name"] ?? string.Empty,
                entry["Service"] ?? string.Empty,
                entry["Project"] is { Length: > 0 } project ? project : projects.FirstOrDefault() ?? string.Empty,
                kind,
                entry["Url"],
                entry["Connection"],
                interval,
                entry["Schedule"] is { Length: > 0 } cron ? cron : null,
                thresholds,
                where);
            errors.AddRange(ProbeTargetRules.Problems(target));
            if (target.Name.Length > 0 && !names.Add(target.Name))
            {
                errors.Add($"Name: '{target.Name}' is used by another target");
            }

            if (errors.Count > 0)
            {
                problems.Add($"{where}: {string.Join("; ", errors)}");
            }
            else
            {
                targets.Add(target);
            }
        }

        return new ProbeTargetSet(targets, problems);
    }

    private static int Seconds(string text, List<string> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return (int)span.TotalSeconds;
        }

        errors.Add($"Interval: '{text}' is not seconds or hh:mm:ss");
        return ProbeTarget.DefaultIntervalSeconds;
    }

    private static int? Int(IConfiguration entry, string key, List<string> errors)
    {
        if (entry[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a whole number");
        return null;
    }

    private static double? Number(IConfiguration entry, string key, List<string> errors)
    {
        if (entry[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a number");
        return null;
    }

    private static bool? Bool(IConfiguration entry, string key, List<string> errors)
    {
        if (entry[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not true or false");
        return null;
    }
}
