using System.Globalization;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Cases;

/// <summary>Reads the issue and its notes and turns them into the case file: service, environment, window, fingerprint, signatures.</summary>
[DurableTask(ActivityNames.NormalizeEscalation)]
internal sealed class NormalizeEscalationActivity(RepositoryReader repositories, EscalationReader escalations) : TaskActivity<CaseRef, CaseFile>
{
    /// <summary>How far before the first hint (or the issue) evidence is gathered: deployments usually precede the errors by hours.</summary>
    internal static readonly TimeSpan Lookback = TimeSpan.FromHours(6);

    /// <summary>After the issue was opened: the errors go on, and a fix-forward may already be rolling out.</summary>
    internal static readonly TimeSpan Lookahead = TimeSpan.FromMinutes(30);

    /// <summary>A hint further back than this is more likely a misread than the incident's start.</summary>
    internal static readonly TimeSpan MaxWindow = TimeSpan.FromDays(3);

    public override async Task<CaseFile> RunAsync(TaskActivityContext context, CaseRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var repository = await repositories.LoadAsync(input.ProjectId, CancellationToken.None);
        var (_, escalation) = await escalations.ReadAsync(input, repository.Policy, CancellationToken.None);
        var service = escalation.Service ?? (repository.Policy.Services.Count == 1 ? repository.Policy.Services[0].Name : null);
        var environment = escalation.Environment
            ?? repository.Policy.Environments.FirstOrDefault(e => e.Protected)?.Name
            ?? "production";
        return new CaseFile(input, escalation.Title, service, environment, Window(escalation), escalation.Fingerprint, Signatures(escalation.Signatures));
    }

    internal static TimeWindow Window(Escalation escalation)
    {
        var created = escalation.CreatedAt;
        var start = escalation.EarliestHint is { } hint && hint < created ? hint : created;
        var from = start - Lookback;
        if (created - from > MaxWindow)
        {
            from = created - MaxWindow;
        }

        return new TimeWindow(from, created + Lookahead);
    }

    internal static IReadOnlyList<string> Signatures(ErrorSignatures s) =>
        s.ExceptionTypes
            .Concat(s.StatusCodes.Select(c => "HTTP " + c.ToString(CultureInfo.InvariantCulture)))
            .Concat(s.ErrorCodes)
            .Concat(s.Endpoints)
            .Concat(s.Phrases.Select(p => $"\"{p}\""))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
