using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Deployments, environments and feature flags through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class DeploymentSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task ListDeploymentsAsync_ProductionNewestFirst_LatestIsTheGroundTruthDeployment()
    {
        var deployments = await _client.ListDeploymentsAsync(sandbox.Project,
            new GitLabDeploymentQuery { Environment = "production", Sort = "desc" }, Ct).ToListAsync(Ct);

        var latest = deployments[0];
        Assert.Equal(sandbox.Truth.DeploymentId, latest.Id);
        Assert.Equal(sandbox.Truth.DeployedAt, latest.UpdatedAt);
        Assert.True(latest.UpdatedAt < sandbox.Truth.OnsetAt, "errors begin after the deploy");
        Assert.Equal("success", latest.Status);
        Assert.Equal("main", latest.Ref);
        Assert.Equal("production", latest.Environment?.Name);
        Assert.Equal("deploy-production", latest.Deployable?.Name);
        Assert.Equal(latest.Sha, latest.Deployable?.Commit?.Id);
        Assert.True(deployments.Count >= 3, $"expected several production deployments, got {deployments.Count}");
        Assert.All(deployments, d => Assert.Equal("production", d.Environment?.Name));
        Assert.Equal(deployments.Select(d => d.UpdatedAt).OrderDescending(), deployments.Select(d => d.UpdatedAt));
    }

    [Fact]
    public async Task ListDeploymentsAsync_UpdatedAfterShortlyBeforeTheDeploy_OnlyTheDeploysSinceThen()
    {
        var since = sandbox.Truth.DeployedAt!.Value.AddMinutes(-30);

        var recent = await _client.ListDeploymentsAsync(sandbox.Project,
            new GitLabDeploymentQuery { Environment = "production", UpdatedAfter = since }, Ct).ToListAsync(Ct);
        var ascending = await _client.ListDeploymentsAsync(sandbox.Project,
            new GitLabDeploymentQuery { Environment = "staging", Sort = "asc" }, Ct).ToListAsync(Ct);

        Assert.Equal([sandbox.Truth.DeploymentId!.Value], recent.Select(d => d.Id));
        Assert.Equal(ascending.Select(d => d.UpdatedAt).Order(), ascending.Select(d => d.UpdatedAt));
        Assert.All(ascending, d => Assert.Equal("staging", d.Environment?.Name));
    }

    [Fact]
    public async Task GetEnvironmentAsync_Production_LastDeploymentIsTheGroundTruthDeployment()
    {
        var environments = await _client.ListEnvironmentsAsync(sandbox.Project, Ct).ToListAsync(Ct);
        var listed = Assert.Single(environments, e => e.Name == sandbox.Truth.Environment);

        var production = await _client.GetEnvironmentAsync(sandbox.Project, listed.Id, Ct);

        Assert.Contains(environments, e => e.Name == "staging" && e.Tier == "staging");
        Assert.Equal("production", production.Tier);
        Assert.Equal("available", production.State);
        Assert.Equal("https://checkout.shop.example", production.ExternalUrl);
        Assert.Equal(sandbox.Truth.DeploymentId, production.LastDeployment?.Id);
        Assert.Equal(sandbox.Truth.DeployedAt, production.LastDeployment?.UpdatedAt);
    }

    [Fact]
    public async Task GetEnvironmentAsync_Unknown_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.GetEnvironmentAsync(sandbox.Project, 987_654, Ct));

        Assert.True(ex.IsNotFound);
    }

    [Fact]
    public async Task FeatureFlags_ListAndGet_ToggledFlagShowsItsToggleTime()
    {
        var flags = await _client.ListFeatureFlagsAsync(sandbox.Project, Ct).ToListAsync(Ct);

        var flag = await _client.GetFeatureFlagAsync(sandbox.Project, sandbox.Truth.FlagName!, Ct);

        Assert.Contains(flags, f => f.Name == "express_checkout" && f.Active);
        Assert.Equal(sandbox.Truth.FlagToggledAt, Assert.Single(flags, f => f.Name == sandbox.Truth.FlagName).UpdatedAt);
        Assert.True(flag.Active);
        Assert.Equal(sandbox.Truth.FlagToggledAt, flag.UpdatedAt);
        Assert.True(flag.CreatedAt < flag.UpdatedAt);
        Assert.True(flag.UpdatedAt < sandbox.Truth.OnsetAt, "the flag was toggled before errors began");
        Assert.Contains(flag.Strategies, s => s.Scopes.Any(scope => scope.EnvironmentScope == "*"));
    }

    [Fact]
    public async Task GetFeatureFlagAsync_Unknown_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.GetFeatureFlagAsync(sandbox.Project, "no_such_flag", Ct));

        Assert.True(ex.IsNotFound);
    }
}
