using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Tests.Approvals;

/// <summary>
/// A real Kestrel on 127.0.0.1 with the approvals wired as the host will wire them (AddApprovals + MapApprovals),
/// a fake clock, a recording sink and captured logs.
/// </summary>
internal sealed class ApprovalTestHost : IAsyncDisposable
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";

    private readonly WebApplication _app;

    private ApprovalTestHost(WebApplication app, HttpClient http, CapturingLoggerProvider logs)
    {
        _app = app;
        Http = http;
        Logs = logs;
    }

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public ApprovalTokenService Tokens => _app.Services.GetRequiredService<ApprovalTokenService>();

    public InMemoryApprovalRequests Requests => _app.Services.GetRequiredService<InMemoryApprovalRequests>();

    public IServiceProvider Services => _app.Services;

    public static async Task<ApprovalTestHost> StartAsync(string contentRoot, TimeProvider time, IApprovalDecisionSink sink, IDictionary<string, string?>? settings = null)
    {
        var hostJson = Path.Combine(contentRoot, "host.json");
        if (!File.Exists(hostJson))
        {
            await File.WriteAllTextAsync(hostJson, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "api" } } }""");
        }

        var configuration = HostConfiguration.Load(contentRoot, settings ?? new Dictionary<string, string?> { ["Approvals:SigningKey"] = SigningKey });
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot });
        builder.Configuration.AddConfiguration(configuration.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(sink);
        builder.Services.AddApprovals(configuration);

        var app = builder.Build();
        app.MapApprovals(configuration);
        await app.StartAsync();
        return new ApprovalTestHost(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) }, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
