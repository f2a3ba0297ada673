using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// GitLab REST v4 over a typed HttpClient. Endpoint groups live in partial files (GitLabClient.Issues.cs, …);
/// this file holds the transport: authentication, event-uuid forwarding, JSON, pagination and errors.
/// </summary>
internal sealed partial class GitLabClient : IGitLabClient
{
    internal const string EventUuidHeader = "X-Gitlab-Event-UUID";
    private const string TokenHeader = "PRIVATE-TOKEN";

    private readonly HttpClient _http;
    private readonly GitLabOptions _options;
    private readonly ILogger _logger;
    private readonly Uri _apiBase;

    public GitLabClient(HttpClient http, IOptions<GitLabOptions> options, ILogger<GitLabClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        _apiBase = _options.ApiBaseUri;
    }

    private static string P(GitLabProjectId project) => $"projects/{project.UrlSegment}";

    private static string Seg(string value) => Uri.EscapeDataString(value);

    private Task<T> GetAsync<T>(string relative, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, relative, null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string relative, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, new Uri(_apiBase, relative), body, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> GetTextAsync(string relative, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, new Uri(_apiBase, relative), null, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<T> PaginateAsync<T>(string relative, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = new GitLabQuery(relative).Add("per_page", _options.PageSize).ToString();
        Uri? next = new(_apiBase, first);
        while (next is not null)
        {
            List<T> page;
            using (var response = await SendRawAsync(HttpMethod.Get, next, null, cancellationToken).ConfigureAwait(false))
            {
                page = await ReadJsonAsync<List<T>>(response, cancellationToken).ConfigureAwait(false);
                next = GitLabPagination.NextPage(response, next);
            }

            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    /// <summary>Sends and returns a successful response; any other status becomes a <see cref="GitLabApiException"/>.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, Uri uri, object? body, CancellationToken cancellationToken)
    {
        var response = await SendUncheckedAsync(method, uri, body, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(method, uri, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendUncheckedAsync(HttpMethod method, Uri uri, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation(TokenHeader, _options.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (GitLabEventContext.EventUuid is { } eventUuid)
        {
            request.Headers.TryAddWithoutValidation(EventUuidHeader, eventUuid);
        }

        if (body is not null)
        {
            // String content, not a stream: the resilience handler may send it more than once.
            var json = JsonSerializer.Serialize(body, body.GetType(), GitLabJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GitLabApiException> ToExceptionAsync(HttpMethod method, Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = GitLabErrorBody.Parse(text, _options.Token);
        Log.RequestFailed(_logger, method.Method, uri.AbsolutePath, (int)response.StatusCode, error.Message ?? "");
        return new GitLabApiException(response.StatusCode, method.Method, uri.PathAndQuery, error);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var value = await JsonSerializer.DeserializeAsync<T>(stream, GitLabJson.Options, cancellationToken).ConfigureAwait(false);
        return value ?? throw new JsonException($"GitLab returned null where {typeof(T).Name} was expected.");
    }
}
