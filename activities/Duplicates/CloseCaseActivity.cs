using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Duplicates;

/// <summary>Marks the case closed in the duplicate check's memory, so it absorbs duplicates only for a week more.</summary>
[DurableTask(ActivityNames.CloseCase)]
internal sealed class CloseCaseActivity(CaseIndex index) : TaskActivity<CloseCaseRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CloseCaseRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await index.FindAsync(input.Case.InstanceId, CancellationToken.None) is not { } record)
        {
            return false;
        }

        if (record.ClosedAt is null)
        {
            await index.PutAsync(record with { ClosedAt = input.ClosedAt }, CancellationToken.None);
        }

        return true;
    }
}
