using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Activities.Cases;

/// <summary>The one rule about replay targets, shared by LoadPolicy (which picks) and ReplayInStaging (which checks again).</summary>
internal static class ReplaySafety
{
    private static readonly string[] ProductionNames = ["production", "prod", "prd", "live"];

    /// <summary>Why a replay must not target <paramref name="environment"/>, or null when it may.</summary>
    public static string? Refusal(EnvironmentPolicy? environment)
    {
        if (environment is null)
        {
            return "the policy declares no such environment";
        }

        if (environment.Protected)
        {
            return $"environment `{environment.Name}` is protected in the policy; replay never targets a protected environment";
        }

        if (ProductionNames.Any(p => environment.Name.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            return $"environment `{environment.Name}` looks like production; replay never targets production";
        }

        return environment.ReplayBaseUrl is null ? $"environment `{environment.Name}` has no replay_url in the policy" : null;
    }
}
