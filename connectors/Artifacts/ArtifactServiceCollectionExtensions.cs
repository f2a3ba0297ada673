using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.Connectors.Artifacts;

public static class ArtifactServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IArtifactStore"/> as chosen by <c>AzureWebJobsStorage</c> (see README, Configuration):
    /// a folder under <paramref name="dataDirectory"/> when it is empty, Azurite for <c>UseDevelopmentStorage=true</c>,
    /// Azure Blob Storage for a connection string or <c>AzureWebJobsStorage__blobServiceUri</c>. A <see cref="TokenCredential"/>
    /// registered in the container is used for the last; otherwise DefaultAzureCredential.
    /// </summary>
    public static IServiceCollection AddRagnarokArtifactStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton<IArtifactStore>(sp => ArtifactStoreFactory.Create(configuration, dataDirectory, sp.GetService<TokenCredential>()));
        return services;
    }
}
