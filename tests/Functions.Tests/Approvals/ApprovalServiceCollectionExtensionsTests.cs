using Microsoft.Extensions.Options;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Approvals;

public sealed class ApprovalServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddApprovals_WithoutAKey_WarnsOnceThatLinksDieWithTheProcess()
    {
        using var dir = new TempDirectory();
        await using var host = await ApprovalTestHost.StartAsync(dir.Path, new ManualClock(), new RecordingDecisionSink(), new Dictionary<string, string?>());

        var warning = Assert.Single(host.Logs.Lines, l => l.Contains("[1201]", StringComparison.Ordinal));
        Assert.Contains("stop working when it exits", warning, StringComparison.Ordinal);
        Assert.True(((ApprovalSigningKey)host.Services.GetService(typeof(ApprovalSigningKey))!).IsEphemeral);
    }

    [Fact]
    public async Task AddApprovals_WithAShortKey_FailsAtStartWithoutNamingTheKey()
    {
        using var dir = new TempDirectory();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ApprovalTestHost.StartAsync(
            dir.Path, new ManualClock(), new RecordingDecisionSink(), new Dictionary<string, string?> { ["Approvals:SigningKey"] = "tiny-secret" }));

        Assert.Contains("Approvals:SigningKey is too short", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-secret", error.Message, StringComparison.Ordinal);
    }
}
