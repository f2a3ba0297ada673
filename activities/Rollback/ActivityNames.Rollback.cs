namespace RagnarokOps.Activities;

public static partial class ActivityNames
{
    public const string PlanRollback = nameof(PlanRollback);
    public const string OpenRollback = nameof(OpenRollback);
}
