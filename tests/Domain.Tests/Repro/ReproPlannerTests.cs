using RagnarokOps.Domain.Repro;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Domain.Tests.Repro;

public sealed class ReproPlannerTests
{
    private static readonly string[] Secrets = [ReproSamples.BearerToken, ReproSamples.CardPassword, "k-987654321", "session=abcdef", "tok-123456", "hunter2"];

    public static TheoryData<string, string, string[]> Expectations => new()
    {
        { "xunit", "tests/Checkout.Api.Tests/Regression/Checkout42RegressionTests.cs", ["using Xunit;", "namespace Shop.Checkout.Api.Tests.Regression;", "[Fact]", "public async Task PostApiOrdersReturns201()", "Assert.Equal(201, (int)response.StatusCode);", "AllowAutoRedirect = false"] },
        { "nunit", "Checkout.Tests/Regression/Checkout42RegressionTests.cs", ["using NUnit.Framework;", "[TestFixture]", "[Test]", "Is.EqualTo(201)"] },
        { "mstest", "test/Checkout.UnitTests/Regression/Checkout42RegressionTests.cs", ["using Microsoft.VisualStudio.TestTools.UnitTesting;", "[TestClass]", "[TestMethod]", "Assert.AreEqual(201, (int)response.StatusCode"] },
        { "pytest", "tests/test_regression_checkout_42.py", ["import urllib.request", "def test_checkout_42_post_api_orders_returns_201():", "assert status == 201"] },
        { "jest", "src/__tests__/regression-checkout-42.test.js", ["test(\"ragnarok-regression: checkout#42", "expect(response.status).toBe(201);", "redirect: \"manual\""] },
        { "vitest", "web/test/regression-checkout-42.test.ts", ["import { expect, test } from \"vitest\";", "const headers: Record<string, string> = {", "expect(response.status).toBe(201);"] },
        { "go", "regression/checkout_42_regression_test.go", ["package regression\n", "func TestCheckout42PostApiOrdersReturns201(t *testing.T) {", "if resp.StatusCode != 201 {", "http.ErrUseLastResponse"] },
        { "junit", "src/test/java/com/shop/checkout/Checkout42RegressionTest.java", ["package com.shop.checkout;", "import org.junit.jupiter.api.Test;", "class Checkout42RegressionTest {", "void postApiOrdersReturns201() throws Exception {", "assertEquals(201, response.statusCode()"] },
        { "plain", "regression/checkout_42.sh", ["#!/usr/bin/env sh", "[ \"$status\" = \"201\" ]"] },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Build_EachFramework_WritesATestThatTargetsStagingAndAssertsTheExpectedStatus(string repository, string path, string[] fragments)
    {
        var artifacts = ReproPlanner.Build(ReproSamples.Input(TestFrameworkDetectorTests.Sample(repository)));

        Assert.Equal(path, artifacts.RegressionTest.Path);
        Assert.Equal("ragnarok-regression: checkout#42", artifacts.Marker);
        Assert.StartsWith(repository == "plain" ? "#!/usr/bin/env sh\n# " + artifacts.Marker : (repository == "pytest" ? "# " : "// ") + artifacts.Marker, artifacts.RegressionTest.Content, StringComparison.Ordinal);
        Assert.Contains("STAGING_URL", artifacts.RegressionTest.Content, StringComparison.Ordinal);
        Assert.Contains("/api/orders?coupon=SPRING&access_token=%5BREDACTED%5D", artifacts.RegressionTest.Content, StringComparison.Ordinal);
        Assert.Contains("REPRO_AUTHORIZATION", artifacts.RegressionTest.Content, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, artifacts.RegressionTest.Content, StringComparison.Ordinal);
        }

        Assert.Equal(Count(artifacts.RegressionTest.Content, '{'), Count(artifacts.RegressionTest.Content, '}'));
        Assert.Equal(Count(artifacts.RegressionTest.Content, '('), Count(artifacts.RegressionTest.Content, ')'));
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Build_AnyFramework_LeaksNoSecretFromTheRequest(string repository, string path, string[] fragments)
    {
        var artifacts = ReproPlanner.Build(ReproSamples.Input(TestFrameworkDetectorTests.Sample(repository)));

        foreach (var text in new[] { artifacts.PlanMarkdown, artifacts.Script.Content, artifacts.RegressionTest.Content })
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        Assert.NotEmpty(path);
        Assert.NotEmpty(fragments);
    }

    [Fact]
    public void Build_Plan_ListsPreconditionsCurlAndExpectedVersusActualInOrder()
    {
        var plan = ReproPlanner.Build(ReproSamples.Input(ReproSamples.PytestRepo())).PlanMarkdown;

        var steps = new[] { "1. **Preconditions.**", "2. **Send the failing request**", "```sh\n   curl -sS -i -X 'POST'", "3. **Compare.** Expected status `201`", "4. **Regression test** (pytest)" }
            .Select(s => plan.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, steps);
        Assert.Equal(steps.Order(), steps);
        Assert.Contains("`REPRO_AUTHORIZATION` (`Authorization`)", plan, StringComparison.Ordinal);
        Assert.Contains("`500 (NullReferenceException at CheckoutService.PriceAsync; Server=db;Password=[REDACTED];Database=shop)`", plan, StringComparison.Ordinal);
        Assert.Contains("`pytest tests/test_regression_checkout_42.py`", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BodyWithBackticks_CannotCloseThePlansFence()
    {
        var plan = ReproPlanner.Build(ReproSamples.Input(ReproSamples.PlainRepo(), ReproSamples.Checkout(body: "```\n# injected heading\n```"))).PlanMarkdown;

        Assert.Contains("````sh\n", plan, StringComparison.Ordinal);
        Assert.Contains("\n   ````\n", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Pytest_CompilesWithPython()
    {
        using var dir = new TempDirectory();
        var artifacts = ReproPlanner.Build(ReproSamples.Input(ReproSamples.PytestRepo(), ReproSamples.Checkout("/api/\"quoted\"/'single'?q=\"\"\"", "\"\"\" closes a docstring; ''' too \\ \u2028 end")));
        var file = dir.Combine("test_generated.py");
        await File.WriteAllTextAsync(file, artifacts.RegressionTest.Content);

        var (exitCode, output) = await ProcessRunner.RunAsync("python3", ["-m", "py_compile", file]);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Build_Pytest_FailsWhileTheBugIsPresentAndPassesOnceFixed()
    {
        using var dir = new TempDirectory();
        using var staging = new StagingStub(500);
        var artifacts = ReproPlanner.Build(ReproSamples.Input(ReproSamples.PytestRepo()));
        var file = dir.Combine("test_generated.py");
        await File.WriteAllTextAsync(file, artifacts.RegressionTest.Content);
        const string RunTests = "import importlib.util, sys\nspec = importlib.util.spec_from_file_location('t', sys.argv[1])\nm = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(m)\n[getattr(m, n)() for n in dir(m) if n.startswith('test_')]\n";
        var environment = new Dictionary<string, string> { ["STAGING_URL"] = staging.Url, ["REPRO_AUTHORIZATION"] = "Bearer staging-token" };

        var (whileBroken, brokenOutput) = await ProcessRunner.RunAsync("python3", ["-c", RunTests, file], environment);
        staging.Status = 201;
        var (onceFixed, fixedOutput) = await ProcessRunner.RunAsync("python3", ["-c", RunTests, file], environment);

        Assert.True(whileBroken != 0, brokenOutput);
        Assert.Contains("should answer 201", brokenOutput, StringComparison.Ordinal);
        Assert.True(onceFixed == 0, fixedOutput);
        var (method, rawUrl, headers, body) = staging.Requests[^1];
        Assert.Equal("POST", method);
        Assert.Equal("/api/orders?coupon=SPRING&access_token=%5BREDACTED%5D", rawUrl);
        Assert.Equal("Bearer staging-token", headers["Authorization"]);
        Assert.Equal("application/json", headers["Content-Type"]);
        Assert.Equal("""{"sku":"SKU-1","qty":2,"payment":{"card":"4111","password":"[REDACTED]"}}""", body);
    }

    [Fact]
    public void Build_HostileCaseIdAndService_StayInsideCommentsAndNames()
    {
        var input = new ReproInput("42\n*/ rm -rf / #\r\u2028x", "pay\"ments'; DROP", ReproSamples.Checkout(), ReproSamples.JUnitRepo());

        var artifacts = ReproPlanner.Build(input);

        Assert.Equal("ragnarok-regression: 42 */ rm -rf / #  x", artifacts.Marker);
        Assert.Contains("class PayMentsDrop42RmRfXRegressionTest {", artifacts.RegressionTest.Content, StringComparison.Ordinal);
        Assert.All(artifacts.RegressionTest.Content.Split('\n').Where(l => l.Contains("rm -rf", StringComparison.Ordinal)), l => Assert.StartsWith("// ", l, StringComparison.Ordinal));
    }

    private static int Count(string text, char c) => text.Count(x => x == c);
}
