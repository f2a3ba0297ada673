using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Activities.Tests.Environments;

namespace RagnarokOps.Activities.Tests.Rollback;

/// <summary>Its own envsync sandbox (rollbacks write branches and merge requests) with the services of AddRollback pointing at it.</summary>
public sealed class RollbackSandbox : EnvsyncSandbox
{
    protected override IServiceCollection AddServices(IServiceCollection services, IConfiguration configuration) => services.AddRollback(configuration);
}
