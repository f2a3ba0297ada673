namespace RagnarokOps.Functions.Webhooks;

/// <summary>Settings under <c>Webhooks</c>: what starts a case, who may decide by note, how big a delivery may be.</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The label that makes an issue an escalation (the policy's default).</summary>
    public string EscalationLabel { get; set; } = "escalation::critical";

    /// <summary>The lowest GitLab access level whose <c>/ragnarok approve|reject</c> counts (40 = Maintainer).</summary>
    public int ApproverAccessLevel { get; set; } = 40;

    /// <summary>Largest body accepted, in bytes; larger deliveries get 413 before they are read.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
