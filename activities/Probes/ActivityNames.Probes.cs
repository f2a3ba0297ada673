namespace RagnarokOps.Activities;

public static partial class ActivityNames
{
    public const string LoadProbeTargets = nameof(LoadProbeTargets);
    public const string ReadProbeStates = nameof(ReadProbeStates);
    public const string RunProbe = nameof(RunProbe);
    public const string AppendProbeHistory = nameof(AppendProbeHistory);
}
