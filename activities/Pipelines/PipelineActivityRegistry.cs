using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Pipelines;

public static class PipelineActivityRegistry
{
    /// <summary>Every pipeline triage activity by its <see cref="ActivityNames"/> name; Azure Functions' activity triggers create them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.TriagePipeline] = typeof(TriagePipelineActivity),
        [ActivityNames.PostPipelineNote] = typeof(PostPipelineNoteActivity),
        [ActivityNames.DiagnoseEnvironments] = typeof(DiagnoseEnvironmentsActivity),
    };

    public static DurableTaskRegistry AddPipelineActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }
}
