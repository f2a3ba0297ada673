using System.Diagnostics;
using System.Text.Json;
using RagnarokOps.Functions.Cli;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Cli;

public sealed class SuspectsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("ragnarok-suspects");
    private readonly string _repo;
    private readonly string _escalation;
    private readonly string _base;
    private readonly string _culprit;
    private readonly string _formatting;
    private readonly string _merge;
    private int _clock;

    public SuspectsCommandTests()
    {
        _repo = _temp.Combine("shop");
        Directory.CreateDirectory(_repo);
        Git("init", "-q", "-b", "main");
        Write("src/Checkout/CheckoutController.cs", "class CheckoutController\n{\n    void Post() { Apply(); }\n}\n");
        Write("src/Checkout/Pricing/Rules.cs", "class Rules\n{\n    bool Valid(Coupon c) => c.ExpiresAt > Now;\n}\n");
        _base = Commit("Start the shop");

        Git("checkout", "-q", "-b", "coupons");
        Write("src/Checkout/Pricing/Rules.cs",
            "class Rules\n{\n    bool Valid(Coupon c) => c.ExpiresAt.Date > Now.Date\n        ? true : throw new CouponException(\"COUPON_EXPIRED\", \"Coupon code has expired\");\n}\n");
        _culprit = Commit("Expire coupons at the start of the day");
        Git("checkout", "-q", "main");
        Write("README.md", "# Shop\n");
        Commit("Describe the shop");
        Git("merge", "-q", "--no-ff", "-m", "Merge branch 'coupons'", "coupons");
        _merge = Head();
        // Touches the controller named in the stack trace, but only its whitespace.
        Write("src/Checkout/CheckoutController.cs", "class CheckoutController\n{\n    void Post()  {  Apply();  }\n}\n");
        _formatting = Commit("Format the checkout controller");

        _escalation = _temp.Combine("escalation.md");
        File.WriteAllText(_escalation,
            "# Coupons rejected at checkout\n\nCustomers get \"Coupon code has expired\" (COUPON_EXPIRED) for valid coupons.\n" +
            "   at Shop.Checkout.CheckoutController.Post() in /build/src/Checkout/CheckoutController.cs:line 3\n");
    }

    [Fact]
    public async Task Suspects_Json_RanksTheCulpritFirstWithExactShape()
    {
        var (code, stdout, stderr) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation, "--json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(["suspects"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var suspects = doc.RootElement.GetProperty("suspects").EnumerateArray().ToList();
        Assert.Equal(_culprit, suspects[0].GetProperty("sha").GetString());
        Assert.Equal("Expire coupons at the start of the day", suspects[0].GetProperty("subject").GetString());
        Assert.Equal(["sha", "subject", "confidence", "contributions"], suspects[0].EnumerateObject().Select(p => p.Name));
        var contribution = suspects[0].GetProperty("contributions").EnumerateArray().First(c => c.GetProperty("name").GetString() == "error tokens");
        Assert.Equal(["name", "value", "reason"], contribution.EnumerateObject().Select(p => p.Name));
        Assert.Contains("COUPON_EXPIRED", contribution.GetProperty("reason").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(suspects, s => s.GetProperty("sha").GetString() == _merge);
        var confidences = suspects.Select(s => s.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.OrderByDescending(c => c), confidences);
        var formatting = suspects.Single(s => s.GetProperty("sha").GetString() == _formatting);
        Assert.Contains(formatting.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("name").GetString() == "formatting only");
    }

    [Fact]
    public async Task Suspects_BareRepository_GivesTheSameRanking()
    {
        var bare = _temp.Combine("shop.git");
        Git("clone", "-q", "--bare", _repo, bare);

        var (_, clone, _) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation, "--json");
        var (code, fromBare, stderr) = await RunAsync("suspects", "--repo", bare, "--range", $"{_base}..main", "--escalation", _escalation, "--json");

        Assert.True(code == 0, stderr);
        Assert.Equal(clone, fromBare);
    }

    [Fact]
    public async Task Suspects_Text_ShowsRankingWithContributions()
    {
        var (code, stdout, _) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation);

        Assert.Equal(0, code);
        Assert.Contains("merges excluded", stdout, StringComparison.Ordinal);
        Assert.Contains($"1. {_culprit[..10]}", stdout, StringComparison.Ordinal);
        Assert.Contains("error tokens", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspects_BadRange_FailsWithGitsReason()
    {
        var (code, _, stderr) = await RunAsync("suspects", "--repo", _repo, "--range", "nope..main", "--escalation", _escalation);

        Assert.Equal(SuspectsCommand.BadInput, code);
        Assert.Contains("nope", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main", "--range 'main' is not a range: give FROM..TO, e.g. v1.4.0..HEAD, or HEAD~10..HEAD for the last 10 commits")]
    [InlineData("..main", "--range '..main' needs both ends: FROM..TO, e.g. HEAD~10..main")]
    public async Task Suspects_RangeWithoutTwoEnds_IsRefusedWithAClearMessage(string range, string message)
    {
        var (code, stdout, stderr) = await RunAsync("suspects", "--repo", _repo, "--range", range, "--escalation", _escalation);

        Assert.Equal(SuspectsCommand.BadInput, code);
        Assert.Equal($"ragnarok suspects: {message}", stderr.Trim());
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Suspects_Top_LimitsTextAndJson()
    {
        var (_, json, _) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation, "--json", "--top", "1");
        var (_, text, _) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation, "--top", "1");
        var (code, _, stderr) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation, "--top", "0");

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(_culprit, Assert.Single(doc.RootElement.GetProperty("suspects").EnumerateArray()).GetProperty("sha").GetString());
        Assert.Contains($"1. {_culprit[..10]}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n2. ", text, StringComparison.Ordinal);
        Assert.Equal(SuspectsCommand.BadInput, code);
        Assert.Contains("--top must be 1 or more", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspects_Json_KeepsQuotesReadable()
    {
        var (_, json, _) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _escalation, "--json");

        Assert.DoesNotContain("\\u0022", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", json, StringComparison.Ordinal);
        Assert.Contains("\\\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspects_MissingEscalationFile_FailsAndSaysWhich()
    {
        var (code, _, stderr) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", _temp.Combine("none.md"));

        Assert.Equal(SuspectsCommand.BadInput, code);
        Assert.Contains("none.md", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspects_TimeInEscalation_LeavesOutLaterCommitsAndSaysSo()
    {
        // Commit times in the fixture are 13:00 plus one minute per git call: the culprit is at 13:06, the formatting commit at 13:15.
        var timed = _temp.Combine("timed.md");
        File.WriteAllText(timed, "Coupons rejected\nSince 2026-03-10T13:10:00Z customers get COUPON_EXPIRED.\n");

        var (code, stdout, _) = await RunAsync("suspects", "--repo", _repo, "--range", $"{_base}..main", "--escalation", timed);

        Assert.Equal(0, code);
        Assert.Contains($"note: commit {_formatting[..8]} went live at", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_formatting[..10] + "  confidence", stdout, StringComparison.Ordinal);
        Assert.Contains($"1. {_culprit[..10]}", stdout, StringComparison.Ordinal);
        Assert.Contains("time the escalation gives", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RagnarokCommandLine.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void Write(string relative, string content)
    {
        var full = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Head();
    }

    private string Head() => Git("rev-parse", "HEAD").Trim();

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _repo };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        var date = new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero).AddMinutes(_clock++).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
    }
}
