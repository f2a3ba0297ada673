using System.Net;
using System.Text;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

/// <summary>
/// Queues recorded service answers (files under Recorded/) on the suite's one scripted server, so a client runs its
/// real Azure.Core pipeline (auth, retries) against canned Log Analytics and Blob Storage responses.
/// </summary>
internal static class RecordedResponses
{
    public static string RecordedPath(string name) =>
        Path.Combine(RagnarokOps.Tests.Shared.RepoPaths.Root, "tests", "Connectors.Tests", "LogAnalytics", "Recorded", name);

    public static FakeHttpMessageHandler Then(this FakeHttpMessageHandler server, HttpStatusCode status, string? recordedFile = null, string? body = null, params (string Name, string Value)[] headers) =>
        server.Respond(_ =>
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
}
