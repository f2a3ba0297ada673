using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>
/// The engine's client of one Functions invocation. Azure hands it to the function (<c>[DurableClient]</c>) rather
/// than to DI, so each trigger puts it here first and the shared services, scoped to the invocation, read it.
/// </summary>
internal sealed class InvocationClient
{
    private DurableTaskClient? _client;

    public DurableTaskClient Client => _client ?? throw new InvalidOperationException("this function did not bind a [DurableClient] before calling a service that needs the engine");

    /// <summary>The invocation's request as the Durable extension wants it for its check-status links.</summary>
    public HttpRequestData? Request { get; private set; }

    public void Set(DurableTaskClient client, HttpRequestData? request) => (_client, Request) = (client, request);
}
