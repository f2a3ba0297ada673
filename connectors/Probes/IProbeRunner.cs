using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>Runs one probe of one target. A target that cannot be reached is a failing result with the reason, not an exception.</summary>
public interface IProbeRunner
{
    Task<ProbeResult> RunAsync(ProbeTarget target, CancellationToken cancellationToken);
}

/// <summary>Picks the probe for the target's kind.</summary>
internal sealed class ProbeRunner(HttpProbe http, HostProbe host, PostgresProbe postgres) : IProbeRunner
{
    public Task<ProbeResult> RunAsync(ProbeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            ProbeKind.Http => http.RunAsync(target, cancellationToken),
            ProbeKind.Cpu => host.CpuAsync(target, cancellationToken),
            ProbeKind.Memory => host.MemoryAsync(target, cancellationToken),
            ProbeKind.Postgres => postgres.RunAsync(target, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "unknown probe kind"),
        };
    }
}
