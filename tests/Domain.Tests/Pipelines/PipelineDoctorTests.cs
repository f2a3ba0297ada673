using RagnarokOps.Domain.Environments;
using RagnarokOps.Domain.Pipelines;

namespace RagnarokOps.Domain.Tests.Pipelines;

public sealed class PipelineDoctorTests
{
    private static DoctorComparison Dev(string status, bool hasCommit, bool sameCode, string? rule = null) =>
        new("dev", "dev", 7, "aaaaaaaabbbb", status, hasCommit, sameCode, rule, null);

    private static readonly DriftFinding Rounding = new("config/app.yaml", "payments.rounding_mode", "key-changed", "bankers", "away_from_zero", "", null);

    [Fact]
    public void Decide_FailsWhereCommitIsPresent_Code()
    {
        var verdict = PipelineDoctor.Decide("staging", "test", "log", "dotnet-test-failed", [Dev("failed", hasCommit: true, sameCode: true, "dotnet-test-failed")], []);
        Assert.Equal(DoctorCause.Code, verdict.Cause);
        Assert.Equal(0.9, verdict.Confidence);
    }

    [Fact]
    public void Decide_PassesWithSameCodeAndKeyNamedInLog_EnvironmentWithHighConfidence()
    {
        var verdict = PipelineDoctor.Decide("staging", "test", "Loaded config (payments.rounding_mode=away_from_zero)", null, [Dev("success", hasCommit: false, sameCode: true)], [Rounding]);
        Assert.Equal(DoctorCause.Environment, verdict.Cause);
        Assert.Equal(0.9, verdict.Confidence);
        Assert.Contains("payments.rounding_mode (bankers → away_from_zero)", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PassesWithSameCodeKeyNotInLog_EnvironmentWithLowerConfidence() =>
        Assert.Equal(0.75, PipelineDoctor.Decide("staging", "test", "unrelated", null, [Dev("success", false, true)], [Rounding]).Confidence);

    [Fact]
    public void Decide_PassesOnDifferentCode_UndeterminedSaysWhy()
    {
        var verdict = PipelineDoctor.Decide("staging", "test", "log", null, [Dev("success", hasCommit: false, sameCode: false)], []);
        Assert.Equal(DoctorCause.Undetermined, verdict.Cause);
        Assert.Contains("lacks the failing one", verdict.Reason, StringComparison.Ordinal);
    }
}
