using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// The KQL the scorer's evidence needs for one cloud role over the case window, against workspace-based
/// Application Insights tables (AppRequests, AppExceptions, AppTraces) and AKS container logs (ContainerLogV2).
/// <c>union isfuzzy=true</c> lets a workspace without one of the tables still answer.
/// </summary>
internal static class EvidenceQueries
{
    /// <summary>Errors and all records per minute: columns Minute (datetime), Errors (long), Total (long).</summary>
    public static string ErrorsPerMinute(string role, TimeWindow window) => $$"""
        {{Header(role, window)}}
        union isfuzzy=true
            (AppRequests | where {{InWindow}} and AppRoleName =~ cloudRole | project TimeGenerated, IsError = Success == false or toint(ResultCode) >= 500),
            (AppExceptions | where {{InWindow}} and AppRoleName =~ cloudRole | project TimeGenerated, IsError = true),
            (AppTraces | where {{InWindow}} and AppRoleName =~ cloudRole | project TimeGenerated, IsError = SeverityLevel >= 3),
            (ContainerLogV2 | where {{InWindow}} and ContainerName =~ cloudRole | project TimeGenerated, IsError = {{ContainerIsError}})
        | summarize Errors = countif(IsError), Total = count() by Minute = bin(TimeGenerated, 1m)
        | order by Minute asc
        """;

    /// <summary>Exception types ranked by count: Type, Message (string), Count (long), First, Last (datetime).</summary>
    public static string TopExceptions(string role, TimeWindow window, int top) => $$"""
        {{Header(role, window)}}
        AppExceptions
        | where {{InWindow}} and AppRoleName =~ cloudRole
        | extend Message = coalesce(OuterMessage, InnermostMessage, "")
        | summarize Count = count(), First = min(TimeGenerated), Last = max(TimeGenerated) by Type = ExceptionType, Message
        | top {{Kql.Int(top)}} by Count desc, First asc
        """;

    /// <summary>
    /// The first record of each kind, exceptions before failed requests before error lines: TimeGenerated,
    /// Level, Message, ExceptionType (string), Details (dynamic: App Insights' parsedStack), Stack (string),
    /// Method, Url (string), ResultCode (string), OperationId (string).
    /// </summary>
    public static string Samples(string role, TimeWindow window, int take) => $$"""
        {{Header(role, window)}}
        let requests = AppRequests | where {{InWindow}} and AppRoleName =~ cloudRole
            | project OperationId, RequestMethod = tostring(split(Name, " ")[0]), RequestUrl = Url, RequestResultCode = ResultCode;
        union isfuzzy=true
            (AppExceptions | where {{InWindow}} and AppRoleName =~ cloudRole
                | summarize arg_min(TimeGenerated, *) by ExceptionType
                | join kind=leftouter requests on OperationId
                | project Priority = 0, TimeGenerated, Level = "error", Message = coalesce(OuterMessage, InnermostMessage, ""), ExceptionType, Details, Stack = "", Method = RequestMethod, Url = RequestUrl, ResultCode = RequestResultCode, OperationId),
            (AppRequests | where {{InWindow}} and AppRoleName =~ cloudRole and (Success == false or toint(ResultCode) >= 500)
                | summarize arg_min(TimeGenerated, *) by Name, ResultCode
                | project Priority = 1, TimeGenerated, Level = "error", Message = strcat(Name, " answered ", ResultCode), ExceptionType = "", Details = dynamic(null), Stack = "", Method = tostring(split(Name, " ")[0]), Url, ResultCode, OperationId),
            (ContainerLogV2 | where {{InWindow}} and ContainerName =~ cloudRole and {{ContainerIsError}}
                | extend Line = tostring(LogMessage)
                | summarize arg_min(TimeGenerated, *) by Line
                | project Priority = 2, TimeGenerated, Level = "error", Message = Line, ExceptionType = "", Details = dynamic(null), Stack = Line, Method = "", Url = "", ResultCode = "", OperationId = PodName)
        | order by Priority asc, TimeGenerated asc
        | take {{Kql.Int(take)}}
        """;

    private const string InWindow = "TimeGenerated >= windowStart and TimeGenerated < windowEnd";

    private const string ContainerIsError =
        """(tolower(tostring(column_ifexists("LogLevel", ""))) in ("error", "critical", "fatal") or (column_ifexists("LogLevel", "") == "" and LogSource == "stderr"))""";

    // The window is [windowStart, windowEnd); the request's timespan covers it too, so the service scans no more than that.
    private static string Header(string role, TimeWindow window) =>
        $"let cloudRole = {Kql.String(role)};\nlet windowStart = {Kql.DateTime(window.From)};\nlet windowEnd = {Kql.DateTime(window.To)};";
}
