namespace RagnarokOps.Activities;

public static partial class ActivityNames
{
    public const string TriagePipeline = nameof(TriagePipeline);
    public const string PostPipelineNote = nameof(PostPipelineNote);
    public const string DiagnoseEnvironments = nameof(DiagnoseEnvironments);
}
