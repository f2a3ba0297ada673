using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Approvals;

internal static class ApprovalServiceCollectionExtensions
{
    /// <summary>
    /// Registers approval tokens, the SQLite ledger, links and an in-memory request source (replace it with one
    /// over the engine). The host must also register an <see cref="IApprovalDecisionSink"/>.
    /// </summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, HostConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>()
            .BindConfiguration(ApprovalOptions.SectionName)
            .Validate(o => ApprovalSigningKey.Validate(o.SigningKey) is null, ApprovalSigningKey.TooShort)
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Approvals:PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration);
        services.AddSingleton(sp =>
        {
            if (ApprovalSigningKey.TryParse(sp.GetRequiredService<IOptions<ApprovalOptions>>().Value.SigningKey, out var key))
            {
                return key!;
            }

            ApprovalsLog.EphemeralSigningKey(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApprovalSigningKey)));
            return ApprovalSigningKey.Ephemeral();
        });
        services.TryAddSingleton<IApprovalLedger>(sp => new SqliteApprovalLedger(
            Path.Combine(configuration.ContentRoot, sp.GetRequiredService<IOptions<ApprovalOptions>>().Value.LedgerPath),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ApprovalTokenService>();
        services.AddSingleton<ApprovalLinks>();
        services.TryAddSingleton<InMemoryApprovalRequests>();
        services.TryAddSingleton<IApprovalRequestSource>(sp => sp.GetRequiredService<InMemoryApprovalRequests>());

        // ASP.NET's request log prints the query string, which holds the approval token.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }
}
