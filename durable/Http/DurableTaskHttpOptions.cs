namespace RagnarokOps.DurableTask.Http;

/// <summary>Settings of the HTTP management API.</summary>
public sealed class DurableTaskHttpOptions
{
    /// <summary>
    /// Gets or sets the key callers must present (<c>x-functions-key</c> header or <c>code</c> query), as Azure
    /// Functions' system key. With no key configured every request is refused.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Gets or sets the task hub name echoed in URLs (<c>taskHub</c> query), as Durable Functions does.</summary>
    public string TaskHub { get; set; } = "default";

    /// <summary>Gets or sets the Retry-After seconds returned while an instance runs.</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}
