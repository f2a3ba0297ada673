using System.Globalization;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Cases;

/// <summary>Reads the issue and its notes and turns them into the case file: service, environment, window, fingerprint, signatures.</summary>
[DurableTask(ActivityNames.NormalizeEscalation)]
internal sealed class NormalizeEscalationActivity(RepositoryReader repositories, EscalationReader escalations) : TaskActivity<CaseRef, CaseFile>
{
    public override async Task<CaseFile> RunAsync(TaskActivityContext context, CaseRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var repository = await repositories.LoadAsync(input.ProjectId, CancellationToken.None);
        var (_, escalation) = await escalations.ReadAsync(input, repository.Policy, CancellationToken.None);
        var service = escalation.Service ?? (repository.Policy.Services.Count == 1 ? repository.Policy.Services[0].Name : null);
        var environment = escalation.Environment ?? repository.Policy.LiveEnvironment;
        return new CaseFile(input, escalation.Title, service, environment, Window(escalation), escalation.Fingerprint, Signatures(escalation.Signatures));
    }

    internal static TimeWindow Window(Escalation escalation) =>
        TimeWindow.Leading(escalation.EarliestHint ?? escalation.CreatedAt, escalation.CreatedAt);

    internal static IReadOnlyList<string> Signatures(ErrorSignatures s) =>
        s.ExceptionTypes
            .Concat(s.StatusCodes.Select(c => "HTTP " + c.ToString(CultureInfo.InvariantCulture)))
            .Concat(s.ErrorCodes)
            .Concat(s.Endpoints)
            .Concat(s.Phrases.Select(p => $"\"{p}\""))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
