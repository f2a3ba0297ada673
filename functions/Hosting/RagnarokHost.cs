using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagnarokOps.Functions.Hosting;

/// <summary>Builds the web host that serves every HTTP trigger, from the layered host configuration.</summary>
internal static class RagnarokHost
{
    public static WebApplication Build(HostConfiguration configuration, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = configuration.ContentRoot });
        builder.Configuration.AddConfiguration(configuration.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = configuration.Host.MaxRequestBodySize);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSingleton(configuration);

        var app = builder.Build();
        var api = app.MapGroup("/" + configuration.Host.RoutePrefix);
        api.MapGet("/health", (HostConfiguration c) => Results.Ok(new
        {
            status = "ok",
            hubName = c.Host.DurableTask.HubName,
            notConfigured = c.Missing.ToArray(),
        }));
        return app;
    }
}
