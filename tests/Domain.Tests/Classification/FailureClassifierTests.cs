using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class FailureClassifierTests
{
    private static ClassificationResult Classify(string log, ClassificationOptions? options = null) =>
        FailureClassifier.BuiltIn.Classify(log, options);

    private static RuleHit Hit(ClassificationResult result, string id) =>
        Assert.Single(result.Rules, r => r.Rule.Id == id);

    [Fact]
    public void Classify_MavenTestFailure_ChunkIsTheFailedTestWithItsStack()
    {
        var result = Classify(SampleLogs.MavenTestFailure);

        var chunk = Assert.IsType<FailureChunk>(result.Chunk);
        Assert.Equal("maven-test-failed", chunk.RuleId);
        Assert.Equal(10, chunk.StartLine);
        Assert.Equal(14, chunk.EndLine);
        Assert.StartsWith("[ERROR] com.acme.orders.OrderServiceTest.totalIncludesTax", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("expected: <110> but was: <100>", chunk.Text, StringComparison.Ordinal);
        Assert.EndsWith("(OrderServiceTest.java:27)", chunk.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("BUILD FAILURE", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(21, Hit(result, "ci-job-failed").FirstLine);
        Assert.Equal(2, Hit(result, "test-summary-failed").Count);
    }

    [Fact]
    public void Classify_JavaCompileError_ChunkHasSymbolAndLocation()
    {
        var result = Classify(SampleLogs.JavaCompileError);

        var chunk = Assert.IsType<FailureChunk>(result.Chunk);
        Assert.Equal("java-compile-error", chunk.RuleId);
        Assert.Equal(6, chunk.StartLine);
        Assert.Equal(8, chunk.EndLine);
        Assert.EndsWith("location: variable pricing of type com.acme.orders.Pricing", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(1, Hit(result, "java-compile-error").Count);
        Assert.Equal(4, Hit(result, "build-failed").FirstLine);
    }

    [Fact]
    public void Classify_SpringFailure_ChunkKeepsCausedByChain()
    {
        var result = Classify(SampleLogs.SpringCausedBy);

        var chunk = Assert.IsType<FailureChunk>(result.Chunk);
        Assert.Equal("spring-startup-failed", chunk.RuleId);
        Assert.Equal(2, chunk.StartLine);
        Assert.Equal(8, chunk.EndLine);
        Assert.Contains("Caused by: org.postgresql.util.PSQLException: FATAL: sorry, too many clients already", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("... 42 common frames omitted", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(6, Hit(result, "postgres-connection").FirstLine);
    }

    [Fact]
    public void Classify_DotnetTestFailure_ChunkHasMessageExpectedActualAndStack()
    {
        var result = Classify(SampleLogs.DotnetTestFailure);

        var chunk = Assert.IsType<FailureChunk>(result.Chunk);
        Assert.Equal("dotnet-test-failed", chunk.RuleId);
        Assert.Equal(4, chunk.StartLine);
        Assert.Equal(10, chunk.EndLine);
        Assert.Contains("Expected: 90", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("CartTests.cs:line 42", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(12, Hit(result, "dotnet-test-failed").LastLine);
    }

    [Fact]
    public void Classify_DotnetBuildError_IsCompileCategory()
    {
        var result = Classify(SampleLogs.DotnetBuildError);

        Assert.Equal("dotnet-build-error", result.Chunk!.RuleId);
        Assert.Equal("ci-compile", Hit(result, "dotnet-build-error").Rule.Category);
        Assert.Equal(4, result.Chunk.StartLine);
        Assert.Equal(4, result.Chunk.EndLine);
    }

    [Fact]
    public void Classify_DotnetUnhandled_ChunkFollowsInnerExceptions()
    {
        var result = Classify(SampleLogs.DotnetUnhandled);

        var chunk = result.Chunk!;
        Assert.Equal(2, chunk.StartLine);
        Assert.Equal(7, chunk.EndLine);
        Assert.Contains("---> System.ArgumentNullException", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_PythonChainedTraceback_ChunkCoversBothTracebacks()
    {
        var result = Classify(SampleLogs.PythonTraceback);

        var chunk = result.Chunk!;
        Assert.Equal("python-traceback", chunk.RuleId);
        Assert.Equal(2, chunk.StartLine);
        Assert.Equal(12, chunk.EndLine);
        Assert.EndsWith("worker.ProcessingError: bad order", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(2, Hit(result, "python-traceback").Count);
    }

    [Fact]
    public void Classify_Pytest_ChunkHasAssertionLines()
    {
        var result = Classify(SampleLogs.PytestFailure);

        var chunk = result.Chunk!;
        Assert.Equal("pytest-failed", chunk.RuleId);
        Assert.Equal(7, chunk.StartLine);
        Assert.Contains("E       assert 20.0 == 50", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("tests/test_pricing.py:14: AssertionError", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(3, Hit(result, "pytest-failed").Count);
    }

    [Fact]
    public void Classify_PipResolution_IsDependencyCategory()
    {
        var result = Classify(SampleLogs.PipResolution);

        Assert.Equal("pip-resolution", result.Chunk!.RuleId);
        Assert.Equal("ci-dependency", result.Chunk is null ? "" : Hit(result, "pip-resolution").Rule.Category);
        Assert.Equal(2, Hit(result, "pip-resolution").Count);
    }

    [Fact]
    public void Classify_Jest_ChunkKeepsBlankSeparatedDetails()
    {
        var result = Classify(SampleLogs.JestFailure);

        var chunk = result.Chunk!;
        Assert.Equal("jest-failed", chunk.RuleId);
        Assert.Equal(4, chunk.StartLine);
        Assert.Equal(16, chunk.EndLine);
        Assert.Contains("Received: 100", chunk.Text, StringComparison.Ordinal);
        Assert.EndsWith("at Object.<anonymous> (src/cart.test.js:13:24)", chunk.Text, StringComparison.Ordinal);
        Assert.Contains(result.Rules, r => r.Rule.Id == "npm-script-failed");
    }

    [Theory]
    [InlineData(nameof(SampleLogs.NodeHeap), "node-heap-oom", "oom")]
    [InlineData(nameof(SampleLogs.GoPanic), "go-panic", "go")]
    [InlineData(nameof(SampleLogs.GoBuildError), "go-build-error", "ci-compile")]
    [InlineData(nameof(SampleLogs.KubernetesOom), "oom-killed", "oom")]
    [InlineData(nameof(SampleLogs.RunnerSystemFailure), "ci-runner-failure", "ci-runner")]
    [InlineData(nameof(SampleLogs.CiTimeout), "ci-timeout", "ci-timeout")]
    [InlineData(nameof(SampleLogs.LintFailure), "lint-failed", "ci-lint")]
    public void Classify_EcosystemLog_ChunkAnchoredOnTheSpecificRule(string sample, string ruleId, string category)
    {
        var text = (string)typeof(SampleLogs).GetField(sample)!.GetValue(null)!;

        var result = Classify(text);

        Assert.Equal(ruleId, result.Chunk!.RuleId);
        Assert.Equal(category, Hit(result, ruleId).Rule.Category);
    }

    [Fact]
    public void Classify_GoPanic_ChunkHasGoroutineFrames()
    {
        var chunk = Classify(SampleLogs.GoPanic).Chunk!;

        Assert.Equal(2, chunk.StartLine);
        Assert.Equal(10, chunk.EndLine);
        Assert.Contains("/app/main.go:57", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_GoTest_ChunkPullsInTheErrorfLinesBefore()
    {
        var chunk = Classify(SampleLogs.GoTestFailure).Chunk!;

        Assert.Equal("go-test-failed", chunk.RuleId);
        Assert.Equal(1, chunk.StartLine);
        Assert.Equal(4, chunk.EndLine);
        Assert.Contains("want 1.2", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ServiceErrors_EachLineFindsItsRule()
    {
        var result = Classify(SampleLogs.ServiceErrors);

        var expected = new Dictionary<string, long>
        {
            ["redis-connection"] = 2,
            ["connection-refused"] = 2,
            ["timeout"] = 3,
            ["http-5xx"] = 4,
            ["tls-error"] = 5,
            ["dns-error"] = 6,
            ["postgres-constraint"] = 7,
            ["kafka-broker"] = 8,
            ["mysql-connection"] = 9,
            ["rate-limit"] = 10,
            ["disk-full"] = 11,
            ["auth-failure"] = 12,
        };
        foreach (var (id, line) in expected)
        {
            Assert.Equal(line, Hit(result, id).FirstLine);
        }

        Assert.Equal("disk-full", result.Chunk!.RuleId);
    }

    [Fact]
    public void Classify_CleanLog_NoChunkWithReason()
    {
        var result = Classify(SampleLogs.Clean);

        Assert.Null(result.Chunk);
        Assert.Empty(result.Rules);
        Assert.False(result.HasFailure);
        Assert.Contains("no failure found", result.NoChunkReason, StringComparison.Ordinal);
        Assert.Contains("4 lines", result.NoChunkReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EmptyLog_SaysEmpty()
    {
        var result = Classify("");

        Assert.Equal("the log is empty", result.NoChunkReason);
        Assert.Equal(0, result.Lines);
    }

    [Fact]
    public void Classify_CarriageReturnProgressBars_CountLinesLikeReadLine()
    {
        var log = "Downloading 10%\rDownloading 50%\rDownloading 100%\r\nstep two\n\rpanic: boom\r\n\tmain.go:1\r";

        var result = Classify(log, new ClassificationOptions(CollectMatches: true));

        Assert.Equal(CountReadLine(log), result.Lines);
        Assert.Equal(7, result.Lines);
        Assert.Equal(6, Hit(result, "go-panic").FirstLine);
        Assert.Equal(new LineMatch(6, "go-panic"), Assert.Single(result.Matches!));
        Assert.Equal("panic: boom\n\tmain.go:1", result.Chunk!.Text);
    }

    [Fact]
    public void Classify_CollectMatches_ListsEveryMatchingLineAndRule()
    {
        var result = Classify(SampleLogs.JavaCompileError, new ClassificationOptions(CollectMatches: true));

        Assert.Equal(
            [new(4, "build-failed"), new(6, "java-compile-error"), new(10, "build-failed"), new(11, "ci-job-failed")],
            result.Matches!);
    }

    [Fact]
    public void Classify_LongStack_ChunkTruncatedAtLimit()
    {
        var log = "java.lang.IllegalStateException: boom\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"\tat a.B.c(B.java:{i})\n"));

        var chunk = Classify(log, new ClassificationOptions(MaxChunkLines: 10)).Chunk!;

        Assert.True(chunk.Truncated);
        Assert.Equal(1, chunk.StartLine);
        Assert.Equal(10, chunk.EndLine);
    }

    [Fact]
    public void Classify_RepositoryOverride_ReplacesBuiltInRuleById()
    {
        var (extra, errors) = RuleSet.Parse("""
            rules:
              - id: ci-job-failed
                category: ci-runner
                title: Job failed (tuned)
                severity: P4
                priority: 90
                patterns: ['^ERROR: Job failed: ']
              - id: acme-ledger
                category: acme
                title: Ledger imbalance
                severity: P1
                patterns: ['LEDGER-\d{3} imbalance']
            """, "rules.yaml");
        Assert.Empty(errors);
        var classifier = new FailureClassifier(RuleSet.BuiltIn.With(extra));

        var result = classifier.Classify(SampleLogs.JavaCompileError + "\nLEDGER-042 imbalance detected");

        Assert.Equal("ci-job-failed", result.Chunk!.RuleId);
        Assert.Equal(SeverityLevel.P4, Hit(result, "ci-job-failed").Rule.Severity);
        Assert.Equal(12, Hit(result, "acme-ledger").FirstLine);
        Assert.Equal(RuleSet.BuiltIn.Rules.Count + 1, classifier.Rules.Count);
    }

    [Fact]
    public void Classify_PatternWithoutLiteral_StillMatchesOnEveryLine()
    {
        var rules = new RuleSet([new FailureRule("digits", "x", "Digits only", SeverityLevel.P4, [@"^\d+$"], "", false)]);
        var classifier = new FailureClassifier(rules);

        var result = classifier.Classify("abc\n123\nx1\n456\n");

        Assert.Equal(["digits"], classifier.UnfilteredPatterns);
        Assert.Equal(2, result.Rules[0].Count);
        Assert.Equal(4, result.Rules[0].LastLine);
    }

    [Fact]
    public void Classify_ConsecutiveCompilerErrors_ChunkHoldsThemAll()
    {
        var log = "$ dotnet build\n" +
                  "/src/A.cs(1,1): error CS1002: ; expected [/src/A.csproj]\n" +
                  "/src/B.cs(2,2): error CS0103: The name 'x' does not exist in the current context [/src/A.csproj]\n" +
                  "Build FAILED.\n";

        var chunk = Classify(log).Chunk!;

        Assert.Equal((2, 3), (chunk.StartLine, chunk.EndLine));
    }

    [Fact]
    public void Classify_RepositoryPatternThatBacktracksBadly_TimesOutWithWarning()
    {
        var rule = new FailureRule("slow", "x", "Slow", SeverityLevel.P4, ["^(?=(a+)+b)"], "", false, Source: "rules.yaml");
        var classifier = new FailureClassifier(new RuleSet([rule]));

        var result = classifier.Classify(new string('a', 40) + "c\nok\n");

        Assert.Empty(result.Rules);
        Assert.Contains("rule slow timed out", Assert.Single(result.Warnings!), StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltIn_EveryPattern_HasAPrefilterLiteral()
    {
        Assert.Empty(FailureClassifier.BuiltIn.UnfilteredPatterns);
    }

    [Fact]
    public void Classify_LargeStreamedLog_MemoryDoesNotGrowWithTheLog()
    {
        var classifier = FailureClassifier.BuiltIn;
        classifier.Classify(new GeneratedLog(1_000));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = classifier.Classify(new GeneratedLog(200_000));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200_000, result.Lines);
        Assert.Equal(200, Hit(result, "ci-job-failed").Count);
        // ~17 MB of text went through; the classifier keeps a fixed buffer, never the log.
        Assert.True(allocated < 2_000_000, $"allocated {allocated} bytes");
    }

    internal static int CountReadLine(string text)
    {
        using var reader = new StringReader(text);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }

    /// <summary>A log produced on demand, line by line, so the test itself never holds it either.</summary>
    private sealed class GeneratedLog(int lines) : TextReader
    {
        private static readonly string[] Noise = [.. Enumerable.Range(0, 97).Select(i => $"[INFO] Downloading from central: https://repo.example/org/lib-{i}.jar\n")];
        private string _pending = "";
        private int _offset;
        private int _line;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_line == lines)
                {
                    return 0;
                }

                _line++;
                _pending = _line % 1000 == 0 ? "ERROR: Job failed: exit code 1\n" : Noise[_line % 97];
                _offset = 0;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            _pending.CopyTo(_offset, buffer, index, n);
            _offset += n;
            return n;
        }
    }
}
