namespace RagnarokOps.Functions.Hosting;

/// <summary><c>GET /{prefix}/health</c>: up, which task hub, and which settings are missing (names only, never values).</summary>
internal static class HealthEndpoint
{
    public static IResult Get(HostConfiguration configuration) => Results.Ok(new
    {
        status = "ok",
        hubName = configuration.Host.DurableTask.HubName,
        notConfigured = configuration.Missing.ToArray(),
    });
}
