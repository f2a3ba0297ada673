namespace RagnarokOps.Activities;

public static partial class ActivityNames
{
    public const string GradeIncident = nameof(GradeIncident);
    public const string FileIncidentIssue = nameof(FileIncidentIssue);
    public const string WriteIncidentWiki = nameof(WriteIncidentWiki);
    public const string SendIncidentEmail = nameof(SendIncidentEmail);
    public const string SendIncidentChat = nameof(SendIncidentChat);
}
