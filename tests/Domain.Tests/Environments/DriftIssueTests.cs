using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class DriftIssueTests
{
    [Fact]
    public void Render_StartsWithTheMarkerAndShowsHunkCommitAndExpectedCount()
    {
        var commit = new CommitRef("0123456789abcdef", "Hand-edit prod timeout", "dave", null, "http://x/c/0123");
        var link = new LinkDrift("staging", "production", "staging", "production", "base",
            [new DriftFinding("config/app.yaml", "timeout", "key-changed", "30", "5", "@@ -1 +1 @@\n-timeout: 30\n+timeout: 5\n", commit)],
            [new DriftFinding("deploy/production.env", null, "changed", null, null, "", null, "endpoints")]);

        var text = DriftIssue.Render(new DriftReport("shop/envsync", "envsync.yaml", null, [link], new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)));

        Assert.StartsWith(DriftIssue.Marker, text, StringComparison.Ordinal);
        Assert.Contains("1 unexpected difference(s)", text, StringComparison.Ordinal);
        Assert.Contains("**config/app.yaml: timeout changed (30 → 5)** — introduced by [01234567](http://x/c/0123) Hand-edit prod timeout (dave)", text, StringComparison.Ordinal);
        Assert.Contains("  +timeout: 5\n", text, StringComparison.Ordinal);
        Assert.Contains("1 expected difference(s) left out: deploy/production.env changed (endpoints)", text, StringComparison.Ordinal);
    }
}
