namespace RagnarokOps.Domain.Probes;

/// <summary>What makes a target usable; settings and the policy parser both report these, each with its own location.</summary>
public static class ProbeTargetRules
{
    /// <summary>Every problem of <paramref name="target"/> as "field: why"; empty when it can be probed.</summary>
    public static IReadOnlyList<string> Problems(ProbeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(target.Name))
        {
            problems.Add("name: required");
        }

        if (string.IsNullOrWhiteSpace(target.Service))
        {
            problems.Add("service: required");
        }

        if (string.IsNullOrWhiteSpace(target.Project))
        {
            problems.Add("project: required (or set Ragnarok:Probes:Projects)");
        }

        if (target.Kind == ProbeKind.Http &&
            (!Uri.TryCreate(target.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add($"url: '{target.Url}' is not an absolute http(s) URL");
        }

        if (target.Kind == ProbeKind.Postgres && string.IsNullOrWhiteSpace(target.Connection))
        {
            problems.Add("connection: required for postgres (the name of the setting that holds the connection string)");
        }

        if (target.IntervalSeconds < 60)
        {
            problems.Add($"interval: {target.IntervalSeconds} s is shorter than a round (60 s)");
        }

        if (!string.IsNullOrWhiteSpace(target.Schedule) && ProbeSchedule.TryParse(target.Schedule, out var cronError) is null)
        {
            problems.Add($"schedule: {cronError}");
        }

        var limits = target.Limits;
        if (limits.FailuresToOpen < 1)
        {
            problems.Add("failures: must be 1 or more");
        }

        if (limits.BodyMatch is { } pattern && !IsRegex(pattern))
        {
            problems.Add($"body_match: '{pattern}' is not a regular expression");
        }

        if (limits.MaxPercent is < 0 or > 100 || limits.MaxConnectionsPercent is < 0 or > 100)
        {
            problems.Add("percent thresholds must be 0 to 100");
        }

        if (limits.SustainedSeconds is < 1 or > 50)
        {
            problems.Add($"sustained: {limits.SustainedSeconds} s must be 1 to 50 s (a probe runs within its round)");
        }

        if (limits.TimeoutSeconds is < 1 or > 50)
        {
            problems.Add($"timeout: {limits.TimeoutSeconds} s must be 1 to 50 s");
        }

        return problems;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
