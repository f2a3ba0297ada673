namespace RagnarokOps.Functions.Webhooks;

/// <summary>Settings under <c>Webhooks</c>: what starts a case and how big a delivery may be.</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The label that makes an issue an escalation (the policy's default).</summary>
    public string EscalationLabel { get; set; } = "escalation::critical";

    /// <summary>Largest body accepted, in bytes; larger deliveries get 413 before they are read.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
