using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace RagnarokOps.Functions.Demo;

/// <summary>
/// Narrates the evidence bundle the triage report saved: what each source gave and the ranked hypotheses. It reads
/// the artifact rather than the engine's history, so it shows exactly what the report was built from.
/// </summary>
internal static class DemoEvidence
{
    public static string BundlePath(string dataDirectory, string instanceId) =>
        Path.Combine(dataDirectory, "artifacts", instanceId, "evidence-bundle.json");

    public static void Print(IAnsiConsole console, string bundlePath)
    {
        if (!File.Exists(bundlePath) || JsonNode.Parse(File.ReadAllText(bundlePath)) is not JsonObject bundle)
        {
            return;
        }

        var evidence = bundle["evidence"] as JsonObject;
        var table = new Table().Title("Evidence").AddColumn("source").AddColumn("found");
        table.AddRow("logs", Markup.Escape(Logs(evidence?["logs"] as JsonObject)));
        foreach (var source in new[] { "deployments", "pipelines", "flagChanges", "commits" })
        {
            table.AddRow(source, (evidence?[source] as JsonArray)?.Count.ToString(CultureInfo.InvariantCulture) ?? "0");
        }

        foreach (var missing in (bundle["missing"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(Markup.Escape($"missing: {missing["source"]}"), Markup.Escape(missing["reason"]?.ToString() ?? string.Empty));
        }

        console.Write(table);
        var ranked = new Table().Title("Top hypotheses").AddColumn("#").AddColumn("what").AddColumn("confidence");
        foreach (var h in (bundle["hypotheses"] as JsonArray ?? []).OfType<JsonObject>().Take(3))
        {
            ranked.AddRow(
                h["rank"]?.ToString() ?? "?",
                Markup.Escape($"{h["title"]} ({Short(h["reference"]?.ToString())})"),
                ((double?)h["confidence"] ?? 0).ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(ranked);
    }

    private static string Logs(JsonObject? logs)
    {
        if (logs is null)
        {
            return "none";
        }

        var errors = (logs["errorsPerMinute"] as JsonArray ?? []).OfType<JsonObject>().Sum(m => (long?)m["errors"] ?? 0);
        var top = (logs["topExceptions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault();
        return top is null
            ? $"{errors} errors ({logs["source"]})"
            : $"{errors} errors ({logs["source"]}); top: {top["type"]} x{top["count"]}";
    }

    private static string Short(string? reference) => reference is { Length: 40 } ? reference[..8] : reference ?? string.Empty;
}
