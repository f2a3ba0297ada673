namespace RagnarokOps.Functions.Approvals;

/// <summary>Settings under <c>Approvals</c>: the link signing key, the ledger file and the public address of links.</summary>
internal sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>Base64 or raw text of at least 32 bytes; empty means an ephemeral key per process.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>The SQLite file of used nonces; relative paths are under the host's content root.</summary>
    public string LedgerPath { get; set; } = Path.Combine("data", "approvals.db");

    /// <summary>Where people reach this host; approval links in notes start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";
}
