using Microsoft.DurableTask.Client;
using RagnarokOps.Orchestrations.Escalation;
using Spectre.Console;

namespace RagnarokOps.Functions.Demo;

/// <summary>The end of a demo: the hypothesis, the draft MR, the artifacts, the summary and the exit code.</summary>
internal static class DemoReport
{
    public static DemoSummary Summarize(OrchestrationMetadata final, string instanceId, string dataDirectory, TimeSpan elapsed)
    {
        var outcome = final.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? final.ReadOutputAs<EscalationOutcome>() : null;
        var top = outcome?.TopHypothesis;
        var hypothesis = top is null
            ? null
            : new DemoHypothesis(
                top.Kind,
                top.Kind.Contains("flag", StringComparison.OrdinalIgnoreCase) ? null : top.Subject,
                top.Kind.Contains("flag", StringComparison.OrdinalIgnoreCase) ? top.Subject : null,
                top.Confidence,
                top.Title);
        var mr = outcome?.MergeRequest is { } m ? new DemoMergeRequest(m.Iid, m.SourceBranch, m.Url) : null;
        var artifactFolder = Path.Combine(dataDirectory, "artifacts", instanceId);
        var artifacts = Directory.Exists(artifactFolder)
            ? Directory.GetFiles(artifactFolder).Where(f => !f.EndsWith(".content-type", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        return new DemoSummary(
            instanceId, final.RuntimeStatus.ToString(), outcome?.Result, hypothesis, outcome?.NoteUrl, outcome?.ApprovalUrl, mr, artifacts, dataDirectory, Math.Round(elapsed.TotalSeconds, 1));
    }

    public static void Print(IAnsiConsole console, OrchestrationMetadata final, DemoSummary summary)
    {
        if (final.RuntimeStatus != OrchestrationRuntimeStatus.Completed || final.ReadOutputAs<EscalationOutcome>() is not { } outcome)
        {
            console.MarkupLineInterpolated($"[red]The case ended {final.RuntimeStatus}[/]: {final.FailureDetails?.ErrorMessage ?? "no reason recorded"}");
            return;
        }

        var table = new Table().AddColumn("").AddColumn("");
        table.AddRow("Result", Markup.Escape(outcome.Result));
        if (summary.TopHypothesis is { } top)
        {
            table.AddRow("Top hypothesis", Markup.Escape($"{top.Kind} {top.Sha ?? top.Flag}: {top.Title} (confidence {top.Confidence:0.00})"));
        }

        table.AddRow("Triage note", Markup.Escape(outcome.NoteUrl ?? "-"));
        foreach (var missing in outcome.Missing)
        {
            table.AddRow("Missing evidence", Markup.Escape($"{missing.Source}: {missing.Reason}"));
        }

        if (outcome.MergeRequest is { } mr)
        {
            table.AddRow("Draft MR", Markup.Escape(mr.Url is null ? $"not opened: {mr.Problem}" : $"!{mr.Iid} {mr.SourceBranch} {mr.Url}"));
        }

        foreach (var run in summary.RegressionRuns ?? [])
        {
            table.AddRow("Against staging", Markup.Escape($"{run.What}: exit {run.ExitCode} — {(run.FailedAsExpected ? "fails while the bug is present, as it must" : "did NOT fail")}\n{run.Output}"));
        }

        table.AddRow("Artifacts", Markup.Escape(summary.Artifacts.Count == 0 ? "-" : string.Join('\n', summary.Artifacts)));
        console.Write(table);
    }

    /// <summary>0 when the case ran to an outcome; 1 when it failed, was stopped, or could not open the approved hotfix.</summary>
    public static int ExitCode(OrchestrationMetadata final) =>
        final.RuntimeStatus == OrchestrationRuntimeStatus.Completed && final.ReadOutputAs<EscalationOutcome>()?.Result != EscalationOutcome.HotfixFailed ? 0 : 1;
}
