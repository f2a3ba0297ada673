using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Tests;

internal static class TestServices
{
    public static Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(this IServiceProvider services, string instanceId) =>
        services.GetRequiredService<IOrchestrationStore>().GetHistoryAsync(instanceId, CancellationToken.None);
}
