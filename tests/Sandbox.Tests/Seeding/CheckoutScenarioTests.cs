using System.Globalization;
using System.Text.Json;
using RagnarokOps.Sandbox.Seeding;

namespace RagnarokOps.Sandbox.Tests.Seeding;

/// <summary>The checkout seed plants a repository, CI history, a flag flip, a culprit deploy and a log spike after it.</summary>
public sealed class CheckoutScenarioTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    private GroundTruth Truth => sandbox.Server.GroundTruth!;

    [Fact]
    public void Seed_Checkout_WritesGroundTruthFile()
    {
        var loaded = GroundTruth.Load(sandbox.DataDirectory);
        Assert.NotNull(loaded);
        Assert.Equal(Truth.CulpritSha, loaded.CulpritSha);
        Assert.Equal("shop/checkout", loaded.ProjectPath);
        Assert.NotEmpty(loaded.IssueTitle);
        using var raw = JsonDocument.Parse(File.ReadAllText(Path.Combine(sandbox.DataDirectory, "ground-truth.json")));
        Assert.Equal(Truth.CulpritSha, raw.RootElement.GetProperty("culprit_sha").GetString());
    }

    [Fact]
    public async Task Seed_Checkout_RepositoryHasHistoryAuthorsAndPolicyFiles()
    {
        var commits = new List<string>();
        var authors = new HashSet<string>();
        for (var page = 1; page < 10; page++)
        {
            var batch = (await sandbox.GetJsonAsync($"{P}/repository/commits?per_page=100&page={page}")).AsArray();
            commits.AddRange(batch.Select(c => c!["id"]!.GetValue<string>()));
            authors.UnionWith(batch.Select(c => c!["author_email"]!.GetValue<string>()));
            if (batch.Count < 100)
            {
                break;
            }
        }

        Assert.InRange(commits.Count, 24, 60);
        Assert.True(authors.Count >= 3);
        Assert.Contains(Truth.CulpritSha!, commits);
        var tree = (await sandbox.GetJsonAsync($"{P}/repository/tree?recursive=true&per_page=100")).AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("CODEOWNERS", tree);
        Assert.Contains(".ragnarok.yaml", tree);
        Assert.Contains("tests/Checkout.Tests/Checkout.Tests.csproj", tree);
        var policy = await sandbox.Http.GetStringAsync(new Uri($"{P}/repository/files/.ragnarok.yaml/raw?ref=main", UriKind.Relative));
        Assert.Contains("min_confidence: 0.6", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_Checkout_CulpritDeployedToProductionBeforeOnset()
    {
        var deployment = await sandbox.GetJsonAsync($"{P}/deployments/{Truth.DeploymentId}");
        Assert.Equal("production", deployment["environment"]!["name"]!.GetValue<string>());
        var compare = await sandbox.GetJsonAsync($"{P}/repository/compare?from={Truth.CulpritSha}~1&to={deployment["sha"]}");
        Assert.Contains(compare["commits"]!.AsArray(), c => c!["id"]!.GetValue<string>() == Truth.CulpritSha);
        Assert.True(Truth.DeployedAt < Truth.OnsetAt);
        Assert.True(Truth.OnsetAt - Truth.DeployedAt < TimeSpan.FromMinutes(15));

        var latest = (await sandbox.GetJsonAsync($"{P}/deployments?environment=production&sort=desc&per_page=1")).AsArray().Single()!;
        Assert.Equal(Truth.DeploymentId, latest["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Seed_Checkout_FlagToggledAboutAnHourBeforeOnset()
    {
        var flag = await sandbox.GetJsonAsync($"{P}/feature_flags/{Truth.FlagName}");
        var updated = DateTimeOffset.Parse(flag["updated_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.InRange(Truth.OnsetAt!.Value - updated, TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(75));
    }

    [Fact]
    public void Seed_Checkout_LogSpikesAfterCulpritDeploy()
    {
        var lines = File.ReadAllLines(Truth.LogFile!);
        Assert.True(lines.Length > 20_000, $"only {lines.Length} lines");
        var errors = new List<DateTimeOffset>();
        var stackNamesCulpritFile = false;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("level").GetString() != "Error")
            {
                continue;
            }

            errors.Add(DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture));
            stackNamesCulpritFile |= root.GetProperty("exception").GetString()!.Contains(Truth.CulpritFile!, StringComparison.Ordinal);
        }

        Assert.True(stackNamesCulpritFile);
        Assert.Equal(Truth.OnsetAt, errors.Min());
        Assert.True(errors.Min() > Truth.DeployedAt);
        var hourBefore = errors.Count(e => e > Truth.DeployedAt!.Value.AddHours(-1) && e <= Truth.DeployedAt);
        var hourAfter = errors.Count(e => e > Truth.OnsetAt!.Value && e <= Truth.OnsetAt.Value.AddHours(1));
        Assert.Equal(0, hourBefore);
        Assert.True(hourAfter > 300, $"only {hourAfter} errors in the hour after onset");
    }

    [Fact]
    public async Task Seed_Checkout_OneFailedJobWithTrace()
    {
        var pipelines = (await sandbox.GetJsonAsync($"{P}/pipelines?status=failed")).AsArray();
        var failedPipeline = Assert.Single(pipelines)!;
        var jobs = (await sandbox.GetJsonAsync($"{P}/pipelines/{failedPipeline["id"]}/jobs?scope[]=failed")).AsArray();
        Assert.Equal(Truth.FailedJobId, jobs.Single()!["id"]!.GetValue<long>());
        var trace = await sandbox.Http.GetStringAsync(new Uri($"{P}/jobs/{Truth.FailedJobId}/trace", UriKind.Relative));
        Assert.Contains("Tax_RoundsHalfAwayFromZero", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDeployments_UpdatedAfterDeploy_OnlyTheCulpritDeployment()
    {
        var after = Uri.EscapeDataString(Truth.DeployedAt!.Value.AddMinutes(-1).ToString("O"));
        var list = (await sandbox.GetJsonAsync($"{P}/deployments?environment=production&updated_after={after}&order_by=updated_at")).AsArray();
        Assert.Equal(Truth.DeploymentId, list.Single()!["id"]!.GetValue<long>());
    }
}
