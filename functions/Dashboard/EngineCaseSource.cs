using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Escalations;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>Open escalation cases from the engine: instances whose id starts with <c>escalation-</c> and that have not ended.</summary>
internal sealed class EngineCaseSource(EngineClient engine, DashboardOptions options) : ICasePanelSource
{
    public const string Prefix = "escalation-";

    private static readonly OrchestrationRuntimeStatus[] Open =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task<CasePanel> GetAsync(CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery(Statuses: Open, InstanceIdPrefix: Prefix, PageSize: options.MaxRows, FetchInputsAndOutputs: true);
        var rows = new List<CaseRow>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Row(instance));
            if (rows.Count >= options.MaxRows)
            {
                break;
            }
        }

        return rows.Count == 0
            ? new CasePanel([], "no open escalation cases: no instance with an id starting \"escalation-\" is pending, running or suspended")
            : new CasePanel([.. rows.OrderByDescending(r => r.Started)]);
    }

    private static CaseRow Row(OrchestrationMetadata instance)
    {
        var status = LooseJson.Parse(instance.SerializedCustomStatus);
        var step = status.AsString ?? status.String("step");
        var detail = status.String("detail");
        var input = LooseJson.Parse(instance.SerializedInput);
        var project = input.String("projectPath");
        var iid = input.String("issueIid");
        var issue = project is not null && iid is not null ? $"{project}#{iid}" : instance.InstanceId[Prefix.Length..];
        var stepText = step is null ? "no step reported yet" : string.IsNullOrWhiteSpace(detail) ? step : $"{step}: {detail}";
        return new CaseRow(instance.InstanceId, issue, stepText, instance.RuntimeStatus.ToString(), instance.CreatedAt);
    }
}
