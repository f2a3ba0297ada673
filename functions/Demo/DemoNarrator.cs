using Microsoft.DurableTask.Client;
using RagnarokOps.Orchestrations.Escalation;
using Spectre.Console;

namespace RagnarokOps.Functions.Demo;

/// <summary>Follows a case through its custom status, printing each step once, and approves through the link when asked to.</summary>
internal sealed class DemoNarrator(IAnsiConsole console, bool approve, Uri gitlabApi, string dataDirectory)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<OrchestrationMetadata> FollowAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        string? last = null;
        string? approvalHandled = null;
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

                // A case may ask twice (the replay, then the hotfix): each link once.
                if (status is { Step: EscalationSteps.AwaitingApproval, ApprovalUrl: { } url } && url != approvalHandled)
                {
                    approvalHandled = url;
                    await OfferApprovalAsync(instanceId, status, url, cancellationToken);
                }
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private async Task OfferApprovalAsync(string instanceId, EscalationStatus status, string url, CancellationToken cancellationToken)
    {
        if (status.NoteUrl is not null)
        {
            console.MarkupLineInterpolated($"  Triage note: [link]{status.NoteUrl}[/]");
        }

        console.MarkupLineInterpolated($"  Approval page (what will be done, the evidence, who may decide): [link]{url}[/]");
        var (projectId, iid) = DemoRun.IssueOf(instanceId);
        if (!approve)
        {
            console.MarkupLineInterpolated($"  [yellow]Waiting for a person:[/] decide with a comment on the issue as {DemoRun.Approver} (a maintainer the policy lists), e.g.");
            console.MarkupLineInterpolated($"    curl -H 'PRIVATE-TOKEN: {DemoRun.ApproverToken}' --data-urlencode 'body=/ragnarok approve' {gitlabApi}/projects/{projectId}/issues/{iid}/notes");
            console.MarkupLine("  Ctrl+C stops the demo.");
            return;
        }

        using var response = await DemoRun.ApproveAsync(gitlabApi, instanceId, "(demo --approve)", cancellationToken);
        console.MarkupLineInterpolated($"  Approved by a /ragnarok approve comment from {DemoRun.Approver} on the issue: HTTP {(int)response.StatusCode}");
    }
}
