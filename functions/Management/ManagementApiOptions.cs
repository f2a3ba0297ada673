namespace RagnarokOps.Functions.Management;

/// <summary>Settings of the HTTP management API.</summary>
internal sealed class ManagementApiOptions
{
    /// <summary>
    /// Gets or sets the key callers must present (<c>x-functions-key</c> header or <c>code</c> query), as Azure
    /// Functions' system key. With no key configured every request is refused.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Gets or sets the task hub name echoed in URLs (<c>taskHub</c> query), as Durable Functions does.</summary>
    public string TaskHub { get; set; } = "default";

    /// <summary>Gets or sets the orchestrators this host runs; starting any other answers 404 instead of a case that can never run.</summary>
    public IReadOnlySet<string> Orchestrators { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the Retry-After seconds returned while an instance runs.</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}
