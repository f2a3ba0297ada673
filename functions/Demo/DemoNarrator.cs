using Microsoft.DurableTask.Client;
using RagnarokOps.Orchestrations.Escalation;
using Spectre.Console;

namespace RagnarokOps.Functions.Demo;

/// <summary>Follows a case through its custom status, printing each step once, and approves through the link when asked to.</summary>
internal sealed class DemoNarrator(IAnsiConsole console, bool approve, string hostUrl, string dataDirectory)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<OrchestrationMetadata> FollowAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        string? last = null;
        var approvalHandled = false;
        var evidenceShown = false;
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance is not null)
            {
                var status = instance.ReadCustomStatusAs<EscalationStatus>();
                if (status is not null && $"{status.Step}|{status.Detail}" != last)
                {
                    last = $"{status.Step}|{status.Detail}";
                    console.MarkupLineInterpolated($"  [green]{status.Step,-22}[/] {status.Detail}");
                }

                var reported = status?.Step is EscalationSteps.AwaitingApproval or EscalationSteps.Done || instance.IsCompleted;
                if (reported && !evidenceShown)
                {
                    evidenceShown = true;
                    DemoEvidence.Print(console, DemoEvidence.BundlePath(dataDirectory, instanceId));
                }

                if (instance.IsCompleted)
                {
                    return instance;
                }

                if (!approvalHandled && status is { Step: EscalationSteps.AwaitingApproval, ApprovalUrl: { } url })
                {
                    approvalHandled = true;
                    await OfferApprovalAsync(status, url, cancellationToken);
                }
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private async Task OfferApprovalAsync(EscalationStatus status, string url, CancellationToken cancellationToken)
    {
        if (status.NoteUrl is not null)
        {
            console.MarkupLineInterpolated($"  Triage note: [link]{status.NoteUrl}[/]");
        }

        console.MarkupLineInterpolated($"  Approval link: [link]{url}[/]");
        if (!approve)
        {
            console.MarkupLineInterpolated($"  [yellow]Waiting for a person:[/] open the approval link above in a browser (served by {hostUrl}) and press Approve or Reject; Ctrl+C stops the demo.");
            return;
        }

        using var response = await DemoRun.ApproveAsync(url, "demo --approve", cancellationToken);
        console.MarkupLineInterpolated($"  Approved through the link's POST: HTTP {(int)response.StatusCode}");
    }
}
