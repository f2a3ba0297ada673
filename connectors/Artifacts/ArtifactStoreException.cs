namespace RagnarokOps.Connectors.Artifacts;

/// <summary>Why the artifact store could not do what was asked.</summary>
public enum ArtifactFailure
{
    /// <summary>The store could not be reached (connection refused, DNS, timeout).</summary>
    Unreachable,

    /// <summary>The credentials were refused (wrong account key, token without the role).</summary>
    AuthenticationFailed,

    /// <summary>The store answered with another error.</summary>
    ServiceError,

    /// <summary>A local file system problem (folder store).</summary>
    Io,
}

/// <summary>A store failure with a message a person can act on; never carries keys, tokens or connection strings.</summary>
public sealed class ArtifactStoreException(ArtifactFailure failure, string message, int status = 0, string? errorCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ArtifactFailure Failure { get; } = failure;

    /// <summary>The HTTP status, 0 when there was no response.</summary>
    public int Status { get; } = status;

    /// <summary>The service's error code (x-ms-error-code), for example <c>AuthenticationFailed</c>.</summary>
    public string? ErrorCode { get; } = errorCode;
}
