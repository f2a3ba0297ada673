using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.Http;

namespace RagnarokOps.Connectors.GitLab;

public static class GitLabServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GitLabOptions"/> from the "GitLab" section (validated on start) and registers
    /// <see cref="IGitLabClient"/> as a typed client from IHttpClientFactory behind a retrying <see cref="ResilienceHandler"/>.
    /// </summary>
    public static IServiceCollection AddGitLabClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GitLabOptions>()
            .Bind(configuration.GetSection(GitLabOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitLabOptions>, GitLabOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<IGitLabClient, GitLabClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<GitLabOptions>>().Value;
                http.BaseAddress = options.ApiBaseUri;
                http.Timeout = options.Timeout;
            })
            .AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<GitLabOptions>>().Value;
                var pipeline = HttpResiliencePipelines.Create(
                    options.ToResilienceOptions(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger("RagnarokOps.Connectors.Http.GitLab"));
                return new ResilienceHandler(pipeline);
            });
        return services;
    }
}
