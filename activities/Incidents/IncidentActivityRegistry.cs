using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Incidents;

public static class IncidentActivityRegistry
{
    /// <summary>Every incident activity by its <see cref="ActivityNames"/> name; Azure Functions' activity triggers create them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.GradeIncident] = typeof(GradeIncidentActivity),
        [ActivityNames.FileIncidentIssue] = typeof(FileIncidentIssueActivity),
        [ActivityNames.WriteIncidentWiki] = typeof(WriteIncidentWikiActivity),
        [ActivityNames.SendIncidentEmail] = typeof(SendIncidentEmailActivity),
        [ActivityNames.SendIncidentChat] = typeof(SendIncidentChatActivity),
    };

    public static DurableTaskRegistry AddIncidentActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }
}
