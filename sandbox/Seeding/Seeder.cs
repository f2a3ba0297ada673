using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>Seeds an empty data folder once; a restart over seeded data keeps it and re-reads the ground truth.</summary>
internal static class Seeder
{
    public const string Checkout = "checkout";
    public const string Envsync = "envsync";
    public const string CherryPick = "cherrypick";
    public const string Pipelines = "pipelines";

    public static async Task<GroundTruth?> SeedAsync(SandboxContext sb, string? seed, CancellationToken cancellationToken)
    {
        if (seed is null || sb.Store.List(Kinds.Project).Count > 0)
        {
            var existing = GroundTruth.Load(sb.DataDirectory);
            if (seed is not null && existing is null)
            {
                // ground-truth.json is written last, so its absence means a seed was interrupted.
                throw new InvalidOperationException($"The data folder {sb.DataDirectory} holds projects but no {GroundTruth.FileName}: a seed was interrupted. Delete the folder and seed again.");
            }

            return existing;
        }

        GroundTruth truth;
        if (string.Equals(seed, Checkout, StringComparison.OrdinalIgnoreCase))
        {
            truth = await CheckoutScenario.SeedAsync(sb, cancellationToken);
        }
        else if (string.Equals(seed, Envsync, StringComparison.OrdinalIgnoreCase))
        {
            truth = await EnvsyncScenario.SeedAsync(sb, cancellationToken);
        }
        else if (string.Equals(seed, CherryPick, StringComparison.OrdinalIgnoreCase))
        {
            truth = await CherryPickScenario.SeedAsync(sb, cancellationToken);
        }
        else if (string.Equals(seed, Pipelines, StringComparison.OrdinalIgnoreCase))
        {
            truth = await PipelinesScenario.SeedAsync(sb, cancellationToken);
        }
        else if (Directory.Exists(seed))
        {
            truth = await ImportScenario.SeedAsync(sb, Path.GetFullPath(seed), cancellationToken);
        }
        else
        {
            throw new ArgumentException($"Unknown seed '{seed}': use '{Checkout}', '{Envsync}', '{CherryPick}', '{Pipelines}' or the path of a local git repository.");
        }

        truth.Save(sb.DataDirectory);
        return truth;
    }
}
