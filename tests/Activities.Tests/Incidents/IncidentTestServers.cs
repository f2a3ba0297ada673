using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.Activities.Tests.Incidents;

/// <summary>A Kestrel receiver standing in for Slack and Teams incoming webhooks: it keeps each body by path.</summary>
internal sealed class TestChatReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestChatReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<TestChatReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new TestChatReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            receiver.Received.Enqueue((http.Request.Path.Value ?? "", await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
