using System.Diagnostics;
using System.Text.RegularExpressions;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Orchestrations.Tests;

/// <summary>
/// Proves the determinism guard bites: a probe project compiled with orchestrations/BannedApi.props
/// (the same analyzer settings as RagnarokOps.Orchestrations, under the same root build rules) fails on
/// each banned call and accepts the calls orchestrators are meant to make.
/// </summary>
public sealed partial class BannedApiGuardTests
{
    private const string Bad = """
        namespace Probe;
        internal static class Bad
        {
            public static async Task<object> RunAsync()
            {
                var a = System.DateTime.UtcNow;
                var b = System.DateTime.Now;
                var c = System.DateTimeOffset.UtcNow;
                var d = System.Guid.NewGuid();
                await System.Threading.Tasks.Task.Delay(10);
                await System.Threading.Tasks.Task.Run(() => 1);
                System.Threading.Thread.Sleep(1);
                var e = new System.Random().Next();
                var f = System.IO.File.Exists("x");
                var g = System.Environment.GetEnvironmentVariable("HOME");
                using var h = new System.Net.Http.HttpClient();
                return (a, b, c, d, e, f, g, h);
            }
        }
        """;

    private const string Good = """
        namespace Probe;
        internal static class Good
        {
            public static async Task<int> RunAsync(IReadOnlyList<Func<Task<int>>> work)
            {
                var results = await Task.WhenAll(work.Select(w => w()));
                var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(5);
                return results.Sum() + at.Minute + Guid.Empty.GetHashCode();
            }
        }
        """;

    [Fact]
    public void Build_OrchestrationCodeCallingNondeterministicApis_FailsOnEachCall()
    {
        var probe = Path.Combine(RepoPaths.Root, "orchestrations", "obj", $"guard-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(probe);
        try
        {
            var props = Path.Combine(RepoPaths.Root, "orchestrations", "BannedApi.props");
            File.WriteAllText(Path.Combine(probe, "Probe.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{props}" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(probe, "Bad.cs"), Bad);
            File.WriteAllText(Path.Combine(probe, "Good.cs"), Good);

            var (exitCode, output) = Build(probe);

            Assert.NotEqual(0, exitCode);
            var errors = ErrorLine().Matches(output)
                .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Distinct()
                .ToList();
            Assert.DoesNotContain(errors, e => e.File != "Bad.cs");
            var badLines = errors.Select(e => e.Line).ToHashSet();
            for (var line = 6; line <= 16; line++)
            {
                Assert.True(badLines.Contains(line), $"no RS0030 on Bad.cs line {line}: {Bad.Split('\n')[line - 1].Trim()}\n{output}");
            }
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Build(string folder)
    {
        var start = new ProcessStartInfo("dotnet", ["build", "Probe.csproj", "-nologo", "-clp:NoSummary", "--disable-build-servers"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"(?<file>[^\s:(]+\.cs)\((?<line>\d+),\d+\): error RS0030")]
    private static partial Regex ErrorLine();
}
