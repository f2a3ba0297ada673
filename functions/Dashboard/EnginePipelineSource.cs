using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Escalations;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>
/// Recent pipeline diagnoses from the engine: instances whose id starts with <c>pipeline-</c>, newest first. Their input
/// and output are read loosely (the triage room owns the types); a field they lack shows as empty.
/// </summary>
internal sealed class EnginePipelineSource(EngineClient engine, DashboardOptions options) : IPipelinePanelSource
{
    public const string Prefix = "pipeline-";

    public async Task<PipelinePanel> GetAsync(CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery(InstanceIdPrefix: Prefix, PageSize: 100, FetchInputsAndOutputs: true);
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            instances.Add(instance);
        }

        var rows = instances.OrderByDescending(i => i.CreatedAt).Take(options.MaxRows).Select(Row).ToList();
        return rows.Count == 0
            ? new PipelinePanel([], "no pipeline diagnoses yet: no instance with an id starting \"pipeline-\" exists")
            : new PipelinePanel(rows);
    }

    private static PipelineRow Row(OrchestrationMetadata instance)
    {
        var output = LooseJson.Parse(instance.SerializedOutput);
        var input = LooseJson.Parse(instance.SerializedInput);
        string? Text(params string[] names) => output.String(names) ?? input.String(names);
        var pipelineId = output.Number("pipelineId", "pipeline") ?? input.Number("pipelineId", "pipeline", "id");
        var verdict = output.String("verdict", "diagnosis", "outcome") ?? instance.RuntimeStatus.ToString();
        return new PipelineRow(
            Text("projectPath", "project", "projectId") ?? instance.InstanceId[Prefix.Length..],
            pipelineId is { } id ? (long)id : null,
            Text("ref", "branch"),
            verdict,
            output.Number("confidence"),
            Text("noteUrl", "webUrl", "url"));
    }
}
