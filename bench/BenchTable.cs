using System.Globalization;

namespace RagnarokOps.Bench;

/// <summary>Prints measured figures beside their baseline, one row a figure.</summary>
internal sealed class BenchTable(string title)
{
    private readonly List<(string Name, double Value, string Unit, double? Baseline, string? Target)> _rows = [];

    public BenchTable Add(string name, double value, string unit, double? baseline = null, string? target = null)
    {
        _rows.Add((name, value, unit, baseline, target));
        return this;
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"== {title}");
        output.WriteLine($"{"figure",-36} {"value",14} {"unit",-10} {"baseline",14} {"ratio",8}  target");
        foreach (var (name, value, unit, baseline, target) in _rows)
        {
            var ratio = baseline is > 0 ? (value / baseline.Value).ToString("0.00x", CultureInfo.InvariantCulture) : "";
            var b = baseline?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
            output.WriteLine($"{name,-36} {value.ToString("0.##", CultureInfo.InvariantCulture),14} {unit,-10} {b,14} {ratio,8}  {target}");
        }
    }
}
