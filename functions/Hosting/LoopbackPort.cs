using System.Net;
using System.Net.Sockets;

namespace RagnarokOps.Functions.Hosting;

internal static class LoopbackPort
{
    /// <summary>
    /// A loopback port free right now. The host needs its own address before it starts (approval links carry it),
    /// so port 0 will not do; the caller binds it at once.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
