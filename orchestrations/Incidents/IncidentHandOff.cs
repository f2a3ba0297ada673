using Microsoft.DurableTask;
using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Orchestrations.Incidents;

/// <summary>
/// What watches (probe rounds, pipeline triage) hands its signals to: the incident flow inline, one signal after the
/// other, each answered by one line a person reads ("checkout-http Failing → issue #3 created, P2; wiki; sent email").
/// A signal the flow could not file (GitLab not configured, the issue API refusing) says why and does not fail the
/// watcher: the next round raises it again, and the fingerprint keeps it to one issue.
/// </summary>
public static class IncidentHandOff
{
    public static async Task<IReadOnlyList<string>> RunAsync(TaskOrchestrationContext context, IEnumerable<IncidentSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signals);
        var lines = new List<string>();
        foreach (var signal in signals)
        {
            try
            {
                var outcome = await new IncidentOrchestration().RunAsync(context, signal);
                lines.Add(Describe(signal, outcome));
            }
            catch (TaskFailedException e)
            {
                lines.Add($"{signal.Target} {signal.Kind} → no incident filed: {e.FailureDetails.ErrorMessage}");
            }
        }

        return lines;
    }

    private static string Describe(IncidentSignal signal, IncidentOutcome outcome)
    {
        var parts = new List<string>
        {
            outcome.IssueIid is { } iid ? $"issue #{iid} {outcome.IssueAction}, {outcome.Severity}" : $"no issue ({outcome.IssueAction})",
        };
        if (outcome.WikiUrl is not null)
        {
            parts.Add("wiki");
        }

        parts.AddRange(outcome.Sent.Select(s => s.Sent ? $"sent {s.Channel}" : s.AlreadySent ? $"{s.Channel} already sent" : $"{s.Channel}: {s.Detail}"));
        parts.AddRange(outcome.Failed.Select(f => "failed: " + f));
        return $"{signal.Target} {signal.Kind} → {string.Join("; ", parts)}";
    }
}
