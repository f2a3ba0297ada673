using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.GitLab;

internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "GitLab {Method} {Path} failed with {Status}: {GitLabMessage}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int status, string gitLabMessage);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "GitLab {Operation} of {Sha} on {Branch} refused: {ErrorCode}")]
    public static partial void CommitChangeRefused(ILogger logger, string operation, string sha, string branch, string errorCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "GitLab has no {FilePath} at {Ref}")]
    public static partial void OptionalFileAbsent(ILogger logger, string filePath, string @ref);
}
