using RagnarokOps.Bench;

// Each benchmark is a subcommand: `dotnet run -c Release --project bench -- <name> [options]`.
// Every one prints its figures beside a baseline measured in the same run on the same machine.
var benchmarks = BenchCatalog.All.ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: bench <name> [options]");
    foreach (var b in BenchCatalog.All)
    {
        Console.Error.WriteLine($"  {b.Name,-10} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

return await benchmark.RunAsync(args[1..]);
