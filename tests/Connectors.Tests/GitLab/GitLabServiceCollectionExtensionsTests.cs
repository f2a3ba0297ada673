using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class GitLabServiceCollectionExtensionsTests
{
    [Fact]
    public void AddGitLabClient_ValidSection_ResolvesTypedClientWithBoundOptions()
    {
        using var provider = Build(new()
        {
            ["GitLab:BaseUrl"] = "http://127.0.0.1:8929",
            ["GitLab:Token"] = "glpat-x",
            ["GitLab:WebhookSecret"] = "hook-secret",
            ["GitLab:MaxRetryAttempts"] = "5",
            ["GitLab:Timeout"] = "00:00:20",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<IGitLabClient>();
        var options = provider.GetRequiredService<IOptions<GitLabOptions>>().Value;

        Assert.IsType<GitLabClient>(client);
        Assert.Equal(new Uri("http://127.0.0.1:8929/api/v4/"), options.ApiBaseUri);
        Assert.Equal(5, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal("hook-secret", options.WebhookSecret);
    }

    [Fact]
    public void AddGitLabClient_MissingSection_FailsOnStartListingEveryProblem()
    {
        using var provider = Build(new() { ["GitLab:PageSize"] = "500" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("GitLab:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("GitLab:Token", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("GitLab:PageSize", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://gitlab.example.com")]
    [InlineData("gitlab.example.com")]
    [InlineData("")]
    public void Validate_BadBaseUrl_Fails(string baseUrl)
    {
        var result = new GitLabOptionsValidator().Validate(null, new GitLabOptions { BaseUrl = baseUrl, Token = "t" });

        Assert.True(result.Failed);
    }

    [Theory]
    [InlineData("https://gitlab.example.com", "https://gitlab.example.com/api/v4/")]
    [InlineData("https://gitlab.example.com/", "https://gitlab.example.com/api/v4/")]
    [InlineData("https://example.com/gitlab/api/v4", "https://example.com/gitlab/api/v4/")]
    public void ApiBaseUri_EitherForm_EndsInApiV4Slash(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), new GitLabOptions { BaseUrl = baseUrl }.ApiBaseUri);

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitLabClient(configuration);
        return services.BuildServiceProvider();
    }
}
