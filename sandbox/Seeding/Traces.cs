namespace RagnarokOps.Sandbox.Seeding;

/// <summary>Job logs in the shape a GitLab runner writes them.</summary>
internal static class Traces
{
    private static string Header(string sha) => $"""
        Running with gitlab-runner 17.5.0 (66a723c3)
          on docker-runner-2 t3_Kx9zQ, system ID: s_4f1b2c3d4e5f
        Preparing the "docker" executor
        Using Docker executor with image mcr.microsoft.com/dotnet/sdk:10.0 ...
        Pulling docker image mcr.microsoft.com/dotnet/sdk:10.0 ...
        Preparing environment
        Getting source from Git repository
        Fetching changes with git depth set to 20...
        Checking out {sha[..8]} as detached HEAD (ref is main)...
        Executing "step_script" stage of the job script

        """;

    public static string Build(string sha) => Header(sha) + """
        $ dotnet build -c Release
          Determining projects to restore...
          Restored /builds/shop/checkout/src/Checkout.Api/Checkout.Api.csproj (in 2.31 sec).
          Checkout.Api -> /builds/shop/checkout/src/Checkout.Api/bin/Release/net10.0/Checkout.Api.dll
        Build succeeded.
            0 Warning(s)
            0 Error(s)
        Cleaning up project directory and file based variables
        Job succeeded

        """;

    public static string PassedTest(string sha) => Header(sha) + """
        $ dotnet test tests/Checkout.Tests
        Starting test execution, please wait...
        A total of 1 test files matched the specified pattern.
        Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 41 ms - Checkout.Tests.dll (net10.0)
        Cleaning up project directory and file based variables
        Job succeeded

        """;

    public static string FailedTest(string sha) => Header(sha) + """
        $ dotnet test tests/Checkout.Tests
        Starting test execution, please wait...
        A total of 1 test files matched the specified pattern.
        [xUnit.net 00:00:00.41]     Checkout.Tests.PricingServiceTests.Tax_RoundsHalfAwayFromZero [FAIL]
          Failed Checkout.Tests.PricingServiceTests.Tax_RoundsHalfAwayFromZero [12 ms]
          Error Message:
           Assert.Equal() Failure: Values differ
        Expected: 10.35
        Actual:   10.34
          Stack Trace:
             at Checkout.Tests.PricingServiceTests.Tax_RoundsHalfAwayFromZero() in /builds/shop/checkout/tests/Checkout.Tests/PricingServiceTests.cs:line 20
        Failed!  - Failed:     1, Passed:     2, Skipped:     0, Total:     3, Duration: 44 ms - Checkout.Tests.dll (net10.0)
        Cleaning up project directory and file based variables
        ERROR: Job failed: exit code 1

        """;

    public static string Deploy(string environment, string sha) => Header(sha) + $"""
        $ ./deploy.sh {environment}
        Deploying checkout {sha[..8]} to {environment}...
        Rolling update: 3/3 replicas updated, 0 unavailable
        Health check GET /healthz: 200 OK
        Cleaning up project directory and file based variables
        Job succeeded

        """;
}
