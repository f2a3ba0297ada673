using System.Text.Json;
using RagnarokOps.Functions.Cli;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Cli;

public sealed class ClassifyCommandTests
{
    private const string CompileLog = """
        $ mvn -B compile
        [ERROR] COMPILATION ERROR :
        [ERROR] /builds/acme/orders/src/main/java/com/acme/Order.java:[31,24] cannot find symbol
          symbol:   method taxRate()
          location: variable pricing of type com.acme.Pricing
        [INFO] BUILD FAILURE
        ERROR: Job failed: exit code 1
        """;

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RagnarokCommandLine.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Classify_CompileLog_PrintsRulesSeverityAndChunk()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("job.log");
        await File.WriteAllTextAsync(log, CompileLog);

        var (code, output, error) = await RunAsync("classify", log);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["build-failed", "java-compile-error", "ci-job-failed"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, rules[0].GetProperty("count").GetInt32());
        Assert.Equal(2, rules[0].GetProperty("firstLine").GetInt32());
        Assert.Equal(6, rules[0].GetProperty("lastLine").GetInt32());
        Assert.Equal("ci-compile", rules[1].GetProperty("category").GetString());
        Assert.Equal(3, rules[1].GetProperty("firstLine").GetInt32());
        Assert.Equal("P3", root.GetProperty("severity").GetProperty("level").GetString());
        Assert.NotEmpty(root.GetProperty("severity").GetProperty("reasons").EnumerateArray());
        var chunk = root.GetProperty("chunk");
        Assert.Equal(3, chunk.GetProperty("startLine").GetInt32());
        Assert.Equal(5, chunk.GetProperty("endLine").GetInt32());
        Assert.Contains("location: variable pricing", chunk.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("matches", out _));
    }

    [Fact]
    public async Task Classify_WithLines_ListsEveryMatch()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("job.log");
        await File.WriteAllTextAsync(log, "progress 1%\rprogress 100%\r\npanic: nil map\n");

        var (code, output, _) = await RunAsync("classify", log, "--lines");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var match = Assert.Single(json.RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal(3, match.GetProperty("line").GetInt32());
        Assert.Equal("go-panic", match.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Classify_CleanLog_ChunkNullWithReason()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("ok.log");
        await File.WriteAllTextAsync(log, "all good\nJob succeeded\n");

        var (code, output, _) = await RunAsync("classify", log);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("chunk").ValueKind);
        Assert.Contains("no failure found in the 2 lines: the job succeeded (line 2)", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("rules").EnumerateArray());
    }

    [Fact]
    public async Task Classify_ExtraRules_AddAndOverride()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("job.log");
        var rules = dir.Combine("rules.yaml");
        // Inside the failed command's output, before the runner's "Job failed" marker ends the job.
        await File.WriteAllTextAsync(log, CompileLog.Replace("ERROR: Job failed", "LEDGER-7 imbalance\nERROR: Job failed", StringComparison.Ordinal));
        await File.WriteAllTextAsync(rules, """
            rules:
              - id: acme-ledger
                category: acme
                title: Ledger imbalance
                severity: P1
                priority: 99
                patterns: ['LEDGER-\d+ imbalance']
            """);

        var (code, output, _) = await RunAsync("classify", log, "--rules", rules);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("acme-ledger", json.RootElement.GetProperty("chunk").GetProperty("rule").GetString());
        Assert.Equal("P1", json.RootElement.GetProperty("severity").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Classify_InvalidRules_PrintsEachErrorWithLine()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("job.log");
        var rules = dir.Combine("rules.yaml");
        await File.WriteAllTextAsync(log, "x\n");
        await File.WriteAllTextAsync(rules, "rules:\n  - id: a\n    category: x\n    title: A\n    severity: P9\n    patterns: ['(']\n");

        var (code, output, error) = await RunAsync("classify", log, "--rules", rules);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("rules.yaml(5,15): rules[0].severity", error, StringComparison.Ordinal);
        Assert.Contains("rules.yaml(6,16): rules[0].patterns[0]: invalid regular expression", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_Dash_ReadsStandardInput()
    {
        var original = Console.In;
        Console.SetIn(new StringReader("step 1\nERROR: Job failed: execution took longer than 1h0m0s seconds\n"));
        try
        {
            var (code, output, _) = await RunAsync("classify", "-");

            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("ci-timeout", json.RootElement.GetProperty("chunk").GetProperty("rule").GetString());
            Assert.Equal(2, json.RootElement.GetProperty("chunk").GetProperty("startLine").GetInt32());
        }
        finally
        {
            Console.SetIn(original);
        }
    }

    [Fact]
    public async Task Classify_QuotesInTheLog_AreNotUnicodeEscaped()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("quotes.log");
        await File.WriteAllTextAsync(log, "Unhandled exception. System.IO.FileNotFoundException: Could not find file '/app/config.yaml' (\"config\" <missing>)\n   at Program.Main()\n");

        var (code, output, _) = await RunAsync("classify", log);

        Assert.Equal(0, code);
        Assert.DoesNotContain("\\u0022", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", output, StringComparison.Ordinal);
        Assert.Contains("'/app/config.yaml' (\\\"config\\\" <missing>)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_MissingFile_ExitsTwo()
    {
        var (code, _, error) = await RunAsync("classify", "/nonexistent/job.log");

        Assert.Equal(2, code);
        Assert.Contains("log file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_CleanLog_SeverityNoneWithTheReason()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("job.log");
        await File.WriteAllTextAsync(log, "$ npm test\n  12 passing (40ms)\nDone. Your build exited with 0.\n");

        var (code, output, _) = await RunAsync("classify", log);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var severity = json.RootElement.GetProperty("severity");
        Assert.Equal("none", severity.GetProperty("level").GetString());
        Assert.Contains("the job succeeded (line 3)", severity.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("chunk").ValueKind);
    }

    [Fact]
    public async Task Classify_WithBaseline_RoutineErrorDoesNotAnchorTheChunk()
    {
        using var dir = new TempDirectory();
        var green = dir.Combine("green.log");
        var failed = dir.Combine("failed.log");
        await File.WriteAllTextAsync(green, "$ ./test.sh\nTraceback (most recent call last):\n  File \"probe.py\", line 3\nok\n");
        await File.WriteAllTextAsync(failed, "$ ./test.sh\nTraceback (most recent call last):\n  File \"probe.py\", line 3\n./test.sh: line 9: jq: command not found\nThe command \"./test.sh\" exited with 127.\n");

        var (code, output, _) = await RunAsync("classify", failed, "--baseline", green);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var chunk = json.RootElement.GetProperty("chunk");
        Assert.Equal(4, chunk.GetProperty("startLine").GetInt32());
        Assert.Equal("shell-command-failed", chunk.GetProperty("rule").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("baselineSkipped").GetInt32());
    }

    [Fact]
    public async Task Classify_MissingBaseline_ExitsTwoNamingTheFile()
    {
        using var dir = new TempDirectory();
        var log = dir.Combine("job.log");
        await File.WriteAllTextAsync(log, "ok\n");

        var (code, _, error) = await RunAsync("classify", log, "--baseline", "/nonexistent/green.log");

        Assert.Equal(2, code);
        Assert.Contains("baseline log not found: /nonexistent/green.log", error, StringComparison.Ordinal);
    }
}
