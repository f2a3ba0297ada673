using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace RagnarokOps.Functions.Demo;

/// <summary>One run of the case's repro against the sandbox's staging copy: what ran, its exit code, the end of its output.</summary>
/// <param name="FailedAsExpected">True when it failed, as it must while staging carries the bug.</param>
internal sealed record DemoRegressionRun(string What, int ExitCode, bool FailedAsExpected, string Output);

/// <summary>
/// Runs what the case generated against the staging copy, as an engineer would: the saved repro script
/// (<c>sh repro-….sh</c> with <c>STAGING_URL</c>), and with <c>--run-test</c> the regression test itself in a scratch
/// xunit project (<c>dotnet test</c>, offline from the local package cache). Both must fail while the bug is there.
/// </summary>
internal static class DemoRegression
{
    public static async Task<DemoRegressionRun?> RunScriptAsync(string artifactFolder, Uri stagingUrl, CancellationToken cancellationToken)
    {
        var script = Directory.Exists(artifactFolder) ? Directory.GetFiles(artifactFolder, "repro-*.sh").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (script is null)
        {
            return null;
        }

        var (code, output) = await RunAsync("sh", [script], artifactFolder, stagingUrl, cancellationToken);
        return new DemoRegressionRun($"sh {Path.GetFileName(script)}", code, code != 0, output);
    }

    public static async Task<DemoRegressionRun?> RunTestAsync(string dataDirectory, string bundlePath, Uri stagingUrl, CancellationToken cancellationToken)
    {
        if (!File.Exists(bundlePath) || JsonNode.Parse(await File.ReadAllTextAsync(bundlePath, cancellationToken)) is not JsonObject bundle
            || bundle["repro"]?["testContent"]?.GetValue<string>() is not { } test
            || bundle["repro"]?["framework"]?.GetValue<string>() is not "XUnit")
        {
            return null;
        }

        var folder = Path.Combine(dataDirectory, "regression-test");
        Directory.CreateDirectory(folder);
        // Empty Directory.*.props stop MSBuild from picking up the settings of a repository above the data folder.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), "<Project />\n", cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "Regression.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            </Project>
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "RegressionTests.cs"), test, cancellationToken);
        var (code, output) = await RunAsync("dotnet", ["test", folder, "--nologo", "-v", "q"], folder, stagingUrl, cancellationToken);
        return new DemoRegressionRun("dotnet test (the generated xunit regression test)", code, code != 0 && output.Contains("Failed", StringComparison.Ordinal), output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, Uri stagingUrl, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["STAGING_URL"] = stagingUrl.ToString().TrimEnd('/');
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, string.Join('\n', lines.TakeLast(6)));
    }
}
