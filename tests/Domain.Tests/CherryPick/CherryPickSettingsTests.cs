using RagnarokOps.Domain.CherryPick;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.CherryPick;

public sealed class CherryPickSettingsTests
{
    private const string Environments = "version: 1\nenvironments:\n  - name: dev\n    branch: dev\n  - name: staging\n    branch: staging\n";

    [Fact]
    public void Parse_NoSection_DefaultThreshold()
    {
        var topology = TopologyParser.Parse(Environments).GetOrThrow();

        Assert.Equal(CherryPickSettings.DefaultThreshold, topology.CherryPick.Threshold);
    }

    [Fact]
    public void Parse_Threshold_IsRead()
    {
        var topology = TopologyParser.Parse(Environments + "cherry_pick:\n  threshold: 0.9\n").GetOrThrow();

        Assert.Equal(0.9, topology.CherryPick.Threshold);
    }

    [Fact]
    public void Parse_ThresholdOutOfRangeAndUnknownKey_BothErrorsWithFileAndLine()
    {
        var result = TopologyParser.Parse(Environments + "cherry_pick:\n  threshold: 1.5\n  auto: yes\n");

        Assert.Null(result.Topology);
        Assert.Contains(result.Errors, e => e.Line == 8 && e.ToString().Contains("envsync.yaml", StringComparison.Ordinal) && e.ToString().Contains("threshold", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 9 && e.ToString().Contains("auto", StringComparison.Ordinal));
    }
}
