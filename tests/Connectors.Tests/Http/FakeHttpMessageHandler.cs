using System.Net;
using System.Text;

namespace RagnarokOps.Connectors.Tests.Http;

/// <summary>A scripted server: answers requests in order (thread-safe) and records what was sent. Never a mocked HttpClient.</summary>
internal sealed class FakeHttpMessageHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    public FakeHttpMessageHandler Respond(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        lock (_script)
        {
            _script.Enqueue(respond);
        }

        return this;
    }

    public FakeHttpMessageHandler Respond(HttpStatusCode status, string body, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            configure?.Invoke(response);
            return response;
        });

    public FakeHttpMessageHandler RespondFixture(string fixture, HttpStatusCode status = HttpStatusCode.OK, Action<HttpResponseMessage>? configure = null) =>
        Respond(status, File.ReadAllText(Path.Combine(RagnarokOps.Tests.Shared.RepoPaths.GitLabFixtures, fixture)), configure: configure);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
        {
            headers[h.Key] = string.Join(",", h.Value);
        }

        Func<HttpRequestMessage, HttpResponseMessage> respond;
        lock (_script)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, body));
            respond = _script.Count > 0
                ? _script.Dequeue()
                : throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
        }

        var response = respond(request);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
