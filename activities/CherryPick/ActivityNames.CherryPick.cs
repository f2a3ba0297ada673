namespace RagnarokOps.Activities;

public static partial class ActivityNames
{
    public const string PlanCherryPick = nameof(PlanCherryPick);
    public const string OpenCherryPick = nameof(OpenCherryPick);
    public const string ReportCherryPick = nameof(ReportCherryPick);
}
