namespace RagnarokOps.Sandbox.Tests;

public sealed class SandboxOptionsTests
{
    [Fact]
    public void ToString_RedactsTheToken()
    {
        var text = new SandboxOptions { Token = "glpat-not-for-logs", Seed = "checkout" }.ToString();

        Assert.DoesNotContain("glpat-not-for-logs", text, StringComparison.Ordinal);
        Assert.Contains("Seed = checkout", text, StringComparison.Ordinal);
    }
}
