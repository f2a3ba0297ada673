using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class ClassificationStateTests
{
    [Fact]
    public void Result_SystemLogWithKernelAlerts_ListsThemWithCategoryAndLevel()
    {
        var log = "<6>Jun 14 15:16:01 node17 kernel: eth0: renamed from veth1\n" +
                  "<3>Jun 14 15:16:02 node17 kernel: mce: [Hardware Error]: Machine check events logged\n" +
                  "2024-06-14 15:16:03,101 FATAL [scheduler] job 8812 exited: walltime reached (routine)\n" +
                  "<3>Jun 14 15:16:04 node17 kernel: blk_update_request: I/O error, dev sdb, sector 81920\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([(2L, "system-hardware", "error"), (4L, "system-disk", "error")], result.Alerts.Select(a => (a.Line, a.Category, a.Level)));
    }

    [Fact]
    public void Result_HealthyServiceLogWithRoutineFatal_NoAlertsNoFailure()
    {
        var log = "{\"time\":\"2024-06-14T15:16:01Z\",\"level\":\"info\",\"msg\":\"served /health\"}\n" +
                  "2024-06-14 15:16:03,101 FATAL [scheduler] job 8812 exited: walltime reached (routine)\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Empty(result.Alerts);
        Assert.False(result.HasFailure);
    }

    [Fact]
    public void Result_TravisTraceFirstCommandFailed_ChunkFromThatCommandNotTheLaterEcho()
    {
        var log = "$ mvn -B test\n" +
                  "Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 sec <<< FAILURE!\n" +
                  "totalIncludesTax(com.acme.OrderTest)  Time elapsed: 0.01 sec  <<< FAILURE!\n" +
                  "java.lang.AssertionError: expected:<110> but was:<100>\n" +
                  "\tat com.acme.OrderTest.totalIncludesTax(OrderTest.java:27)\n" +
                  "The command \"mvn -B test\" exited with 1.\n" +
                  "$ cat target/surefire-reports/*.txt\n" +
                  "java.lang.AssertionError: expected:<110> but was:<100>\n" +
                  "Done. Your build exited with 1.\n";

        var chunk = FailureClassifier.BuiltIn.Classify(log).Chunk!;

        Assert.InRange(chunk.StartLine, 2, 4);
        Assert.InRange(chunk.EndLine, 4, 5);
    }

    [Fact]
    public void Result_GitHubStepFailedWithoutKnownError_LastLinesAndMarker()
    {
        var log = "2022-06-01T10:00:00.0000000Z ##[group]Run ./deploy.sh\n" +
                  "2022-06-01T10:00:01.0000000Z uploading bundle\n" +
                  "2022-06-01T10:00:02.0000000Z upload rejected by remote\n" +
                  "2022-06-01T10:00:03.0000000Z ##[error]Process completed with exit code 3.\n";

        var chunk = FailureClassifier.BuiltIn.Classify(log).Chunk!;

        Assert.Equal("ci-command-failed", chunk.RuleId);
        Assert.Equal((2L, 4L), (chunk.StartLine, chunk.EndLine));
        Assert.StartsWith("uploading bundle", chunk.Text, StringComparison.Ordinal);
    }
}
