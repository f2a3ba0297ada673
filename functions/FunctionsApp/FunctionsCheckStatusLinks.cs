using Microsoft.Azure.Functions.Worker;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>On Azure the Functions host serves the management API; its Durable extension makes the links, key included.</summary>
internal sealed class FunctionsCheckStatusLinks(InvocationClient invocation) : ICheckStatusLinks
{
    public CheckStatusPayload For(HttpRequest request, string instanceId)
    {
        var data = invocation.Request ?? throw new InvalidOperationException("the check-status links need the invocation's HTTP request");
        var p = invocation.Client.CreateHttpManagementPayload(instanceId, data);
        return new CheckStatusPayload(p.Id ?? instanceId, p.StatusQueryGetUri ?? string.Empty, p.SendEventPostUri ?? string.Empty, p.TerminatePostUri ?? string.Empty,
            p.PurgeHistoryDeleteUri ?? string.Empty, p.SuspendPostUri ?? string.Empty, p.ResumePostUri ?? string.Empty);
    }
}
