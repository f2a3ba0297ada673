using Grpc.Core;

namespace RagnarokOps.Functions.Management;

/// <summary>How the gRPC client reports that an instance id is taken (the engine answers AlreadyExists).</summary>
internal static class InstanceConflict
{
    public static bool IsAlreadyExists(Exception ex) =>
        ex is RpcException { StatusCode: StatusCode.AlreadyExists } || ex.InnerException is RpcException { StatusCode: StatusCode.AlreadyExists }
        || (ex is InvalidOperationException && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase));
}
