using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagnarokOps.Sandbox.Service;

/// <summary>
/// The sample checkout service as a probe sees it: <c>GET /health</c> on a loopback port answers 200 <c>ok</c> while it
/// is up and 503 <c>database unavailable</c> once <see cref="Down"/> is set, until it is cleared again. The incident
/// demo and its tests take it down and bring it back.
/// </summary>
public sealed class SampleService : IAsyncDisposable
{
    public const string DownBody = "database unavailable: connection pool exhausted (checkout-db:5432)";

    private readonly WebApplication _app;
    private volatile bool _down;

    private SampleService(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>The URL a probe targets.</summary>
    public Uri HealthUrl => new(Url, "health");

    /// <summary>True: <c>/health</c> answers 503.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public static async Task<SampleService> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        SampleService? service = null;
        app.MapGet("/health", () => service!.Down ? Results.Text(DownBody, statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Text("ok"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service = new SampleService(app, new Uri(address.TrimEnd('/') + "/"));
        return service;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
