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
    public void Result_KernelWarningWithTrace_OnlyTheHeadlineIsAnAlert()
    {
        var log = "[   71.427811] WARNING: CPU: 0 PID: 37 at drivers/gpu/drm/radeon/radeon_gart.c:235 radeon_gart_unbind+0xca/0xe0 [radeon]()\n" +
                  "[   71.427814] trying to unbind memory from uninitialized GART !\n" +
                  "[   71.427921] Call Trace:\n" +
                  "[   71.427930]  [<ffffffff81662d11>] dump_stack+0x45/0x56\n" +
                  "[   71.428353] ---[ end trace 056472c3176dbd80 ]---\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([(1L, "system-kernel")], result.Alerts.Select(a => (a.Line, a.Category)));
    }

    [Fact]
    public void Result_MachineCheckReport_HeadlineAndBankLineNotItsDetailLines()
    {
        var log = "[ 1366.830245] mce: [Hardware Error]: Machine check events logged\n" +
                  "[ 1366.830251] mce: [Hardware Error]: CPU 0: Machine Check: 0 Bank 9: 0000000000000000\n" +
                  "[ 1366.838823] mce: [Hardware Error]: TSC 2ac997e3063c3 \n" +
                  "[ 1366.844468] mce: [Hardware Error]: PROCESSOR 0:50663 TIME 947185249 SOCKET 0 APIC 0 microcode 7000019\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([1L, 2L], result.Alerts.Select(a => a.Line));
    }

    [Fact]
    public void Result_DiskFailingUnderAFilesystem_EachStageIsADiskAlert()
    {
        var log = "[21628.544418] blk_update_request: critical target error, dev sdb, sector 629659920 op 0x1:(WRITE) flags 0x800\n" +
                  "[21628.545380] Aborting journal on device sdb1-8.\n" +
                  "[23423.106966] EXT4-fs error (device sdb1): ext4_journal_check_start:61: Detected aborted journal\n" +
                  "[23423.107180] EXT4-fs (sdb1): Remounting filesystem read-only\n" +
                  "[23431.141451] sd 2:0:1:0: [sdb] tag#7 UNKNOWN(0x2003) Result: hostbyte=0x00 driverbyte=0x08\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([1L, 2L, 3L, 4L], result.Alerts.Select(a => a.Line));
        Assert.All(result.Alerts, a => Assert.Equal("system-disk", a.Category));
    }

    [Fact]
    public void Result_SystemdUnitInARestartLoop_AlertsWithoutTheRoutineStopAtShutdown()
    {
        var log = "Feb 10 09:10:53 compute4 systemd[1]: ceph-osd@0.service: Main process exited, code=exited, status=1/FAILURE\n" +
                  "Feb 10 09:10:53 compute4 systemd[1]: ceph-osd@0.service: Failed with result 'exit-code'.\n" +
                  "Feb 10 09:11:04 compute4 systemd[1]: ceph-osd@0.service: Scheduled restart job, restart counter is at 1.\n" +
                  "Feb 10 09:30:00 compute4 systemd[1]: nginx.service: Main process exited, code=killed, status=15/TERM\n" +
                  "Feb 10 09:30:00 compute4 systemd[1]: nginx.service: Succeeded.\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([(1L, "system-service"), (2L, "system-service")], result.Alerts.Select(a => (a.Line, a.Category)));
    }

    [Fact]
    public void Result_PostgresPanicAndRoutineFatal_OnlyThePanicAndTheCrashAreAlerts()
    {
        var log = "2024-05-01 10:00:00.001 UTC [81] FATAL:  the database system is starting up\n" +
                  "2024-05-01 10:00:01.002 UTC [82] FATAL:  password authentication failed for user \"app\"\n" +
                  "2024-05-01 10:05:00.297 UTC [8440] PANIC:  could not write to file \"pg_wal/xlogtemp.8440\": No space left on device\n" +
                  "2024-05-01 10:05:00.516 UTC [11] LOG:  server process (PID 8440) was terminated by signal 6: Aborted\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([3L, 4L], result.Alerts.Select(a => a.Line));
        Assert.Equal("fatal", result.Alerts[0].Level);
    }

    [Fact]
    public void Result_SlurmJobsCancelledAtTheirTimeLimit_NoAlertButAStuckStepdIsOne()
    {
        var log = "slurmstepd: error: *** JOB 494583 ON c5-1 CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***\n" +
                  "srun: error: nid01934: tasks 2,4-5,7: Terminated\n" +
                  "[2020-12-14T09:44:56.002] [63532.0] error: *** STEP 63532.0 STEPD TERMINATED ON cn106 AT 2020-12-14T09:44:56 DUE TO JOB NOT ENDING WITH SIGNALS ***\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Equal([(3L, "system-service")], result.Alerts.Select(a => (a.Line, a.Category)));
    }

    [Fact]
    public void Result_RoutineBootAndAuthNoise_NoAlerts()
    {
        var log = "[    3.854020] bcache: register_bcache() error : device already registered (emitting change event)\n" +
                  "[    0.340471] acpi PNP0A03:00: fail to add MMCONFIG information, can't access extended PCI configuration space under this bridge.\n" +
                  "[    1.184956] RAS: Correctable Errors collector initialized.\n" +
                  "Nov 24 23:46:43 host sshd[32686]: fatal: Read from socket failed: Connection reset by peer [preauth]\n" +
                  "Apr  2 17:53:01 pancake sshd[55657]: error: PAM: authentication error for illegal user oracle from example.com\n" +
                  "NR_IRQS:2304\nOops: efitime: can't read time!\n";

        var result = FailureClassifier.BuiltIn.Classify(log);

        Assert.Empty(result.Alerts);
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
