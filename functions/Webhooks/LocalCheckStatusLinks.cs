using Microsoft.Extensions.Options;
using RagnarokOps.Functions.Management;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>The local host's management API (functions/Management) on this host's own address, with the key, as Azure's links carry it.</summary>
internal sealed class LocalCheckStatusLinks(IOptions<ManagementApiOptions> options) : ICheckStatusLinks
{
    public CheckStatusPayload For(HttpRequest request, string instanceId) =>
        CheckStatusPayload.For(request, instanceId, options.Value.TaskHub, options.Value.Key);
}
