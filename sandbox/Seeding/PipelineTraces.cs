namespace RagnarokOps.Sandbox.Seeding;

/// <summary>Runner logs of the <c>pipelines</c> scenario: a dotnet build, and a dotnet test run that passes or fails on rounding.</summary>
internal static class PipelineTraces
{
    private static string Header(string path, string branch, string sha) => $"""
        Running with gitlab-runner 17.5.0 (66a723c3)
          on docker-runner-1 t3_Ab1cD2, system ID: s_9e8d7c6b5a4f
        Preparing the "docker" executor
        Using Docker executor with image mcr.microsoft.com/dotnet/sdk:10.0 ...
        Getting source from Git repository
        Fetching changes with git depth set to 20...
        Checking out {sha[..8]} as detached HEAD (ref is {branch})...
        Executing "step_script" stage of the job script
        $ cd /builds/{path}

        """;

    public static string Build(string path, string branch, string sha) => Header(path, branch, sha) + """
        $ dotnet build -c Release
          Determining projects to restore...
        Build succeeded.
            0 Warning(s)
            0 Error(s)
        Job succeeded

        """;

    public static string Passed(string path, string branch, string sha, string tests) => Header(path, branch, sha) + $"""
        $ dotnet test tests/{tests}
        Starting test execution, please wait...
        A total of 1 test files matched the specified pattern.
        Loaded config/app.yaml (payments.rounding_mode=bankers)
        Passed!  - Failed:     0, Passed:     4, Skipped:     0, Total:     4, Duration: 52 ms - {tests}.dll (net10.0)
        Job succeeded

        """;

    public static string Failed(string path, string branch, string sha, string tests) => Header(path, branch, sha) + $"""
        $ dotnet test tests/{tests}
        Starting test execution, please wait...
        A total of 1 test files matched the specified pattern.
        Loaded config/app.yaml (payments.rounding_mode={(branch == "staging" && tests == "Payments.Tests" ? "away_from_zero" : "bankers")})
        [xUnit.net 00:00:00.38]     {tests[..^6]}.Tests.RoundingTests.Refund_RoundsToEven [FAIL]
          Failed {tests[..^6]}.Tests.RoundingTests.Refund_RoundsToEven [9 ms]
          Error Message:
           Assert.Equal() Failure: Values differ
        Expected: 2.34
        Actual:   2.35
          Stack Trace:
             at {tests[..^6]}.Tests.RoundingTests.Refund_RoundsToEven() in /builds/{path}/tests/{tests}/RoundingTests.cs:line 31
        Failed!  - Failed:     1, Passed:     3, Skipped:     0, Total:     4, Duration: 47 ms - {tests}.dll (net10.0)
        ERROR: Job failed: exit code 1

        """;
}
