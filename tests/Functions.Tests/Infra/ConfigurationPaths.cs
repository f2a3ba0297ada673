using Microsoft.Extensions.Configuration;

namespace RagnarokOps.Functions.Tests.Infra;

internal static class ConfigurationPaths
{
    /// <summary>Every leaf key under a section, as full paths ("AzureFunctionsJobHost:extensions:http:routePrefix").</summary>
    public static IEnumerable<string> GetSectionChildrenPaths(this IConfiguration configuration, string section) =>
        configuration.GetSection(section).AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key);
}
