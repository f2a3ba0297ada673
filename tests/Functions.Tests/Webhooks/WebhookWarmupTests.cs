using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.Tests.Webhooks;

public sealed class WebhookWarmupTests
{
    [Theory]
    [InlineData("escalation::critical")]
    [InlineData("sev::1")]
    public void Rehearse_UnlabelledSample_IsParsedAndIgnored(string label)
    {
        // The warm-up's own delivery must take the parse-and-decide path and start nothing.
        var decision = WebhookWarmup.Rehearse(new WebhookOptions { EscalationLabel = label }, label: null);

        var ignore = Assert.IsType<WebhookDecision.Ignore>(decision);
        Assert.Contains($"without the {label} label", ignore.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehearse_LabelledSample_WouldStartACase()
    {
        // The same sample with the label is a real escalation: proof the sample is one the parser accepts.
        var decision = WebhookWarmup.Rehearse(new WebhookOptions(), "escalation::critical");

        Assert.Equal("ragnarok/warmup", Assert.IsType<WebhookDecision.Start>(decision).Request.Case.ProjectPath);
    }
}
