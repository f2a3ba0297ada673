using System.Net;
using System.Text;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

/// <summary>
/// An HttpMessageHandler that answers with queued recorded responses and keeps every request it saw,
/// so a client runs its real Azure.Core pipeline (auth, retries) against canned service answers.
/// </summary>
internal sealed class RecordedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

    public static string RecordedPath(string name) =>
        Path.Combine(RagnarokOps.Tests.Shared.RepoPaths.Root, "tests", "Connectors.Tests", "LogAnalytics", "Recorded", name);

    public RecordedHandler Then(HttpStatusCode status, string? recordedFile = null, string? body = null, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(() =>
        {
            var text = recordedFile is null ? body ?? string.Empty : File.ReadAllText(RecordedPath(recordedFile));
            var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                // Last-Modified, Content-* and the like are content headers in HttpClient's model.
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers)
            {
                headers[h.Key] = string.Join(",", h.Value);
            }
        }

        Requests.Add((request.Method, request.RequestUri!, headers, body));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"no recorded response left for {request.Method} {request.RequestUri}");
        }

        return _responses.Dequeue()();
    }
}
