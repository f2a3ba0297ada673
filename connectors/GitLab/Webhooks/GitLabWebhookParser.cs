using System.Text.Json;

namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>
/// Turns a webhook delivery into a typed event, keyed by X-Gitlab-Event. Pure: the token check
/// (<see cref="GitLabWebhookToken"/>) and body size limits belong to the HTTP trigger, before this runs.
/// </summary>
public static class GitLabWebhookParser
{
    private static readonly Dictionary<string, HookKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Issue Hook"] = new("issue", typeof(IssueHook)),
        ["Confidential Issue Hook"] = new("issue", typeof(IssueHook)),
        ["Note Hook"] = new("note", typeof(NoteHook)),
        ["Confidential Note Hook"] = new("note", typeof(NoteHook)),
        ["Merge Request Hook"] = new("merge_request", typeof(MergeRequestHook)),
        ["Pipeline Hook"] = new("pipeline", typeof(PipelineHook)),
        ["Job Hook"] = new("build", typeof(JobHook)),
        ["Deployment Hook"] = new("deployment", typeof(DeploymentHook)),
        ["Feature Flag Hook"] = new("feature_flag", typeof(FeatureFlagHook)),
    };

    /// <summary>The X-Gitlab-Event values this parser understands.</summary>
    public static IReadOnlyCollection<string> SupportedEvents => Kinds.Keys;

    public static GitLabWebhookParseResult Parse(GitLabWebhookHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Event is null)
        {
            return GitLabWebhookParseResult.Invalid($"No {GitLabWebhookHeaders.EventHeader} header: not a GitLab webhook.", headers);
        }

        if (!Kinds.TryGetValue(headers.Event, out var kind))
        {
            return GitLabWebhookParseResult.Ignored($"Event kind '{headers.Event}' is not one RagnarokOps handles.", headers);
        }

        try
        {
            var objectKind = ReadObjectKind(body);
            if (!string.Equals(objectKind, kind.ObjectKind, StringComparison.Ordinal))
            {
                return GitLabWebhookParseResult.Invalid(objectKind is null
                    ? $"object_kind is missing: a {headers.Event} body says \"object_kind\": \"{kind.ObjectKind}\"."
                    : $"object_kind is '{objectKind}', but {GitLabWebhookHeaders.EventHeader} '{headers.Event}' needs '{kind.ObjectKind}'.", headers);
            }

            var evt = (GitLabWebhookEvent?)JsonSerializer.Deserialize(body, kind.Type, GitLabJson.Options)
                ?? throw new JsonException("The body is null.");
            return GitLabWebhookParseResult.Accepted(evt with { EventHeader = headers.Event }, headers);
        }
        catch (JsonException ex)
        {
            return GitLabWebhookParseResult.Invalid($"The {headers.Event} body is not what GitLab sends: {WebhookBodyErrors.Describe(ex, body)}.", headers);
        }
    }

    public static GitLabWebhookParseResult Parse(GitLabWebhookHeaders headers, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(headers, System.Text.Encoding.UTF8.GetBytes(body));
    }

    private static string? ReadObjectKind(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The body is not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKind = reader.ValueTextEquals("object_kind"u8);
            reader.Read();
            if (isKind)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    private sealed record HookKind(string ObjectKind, Type Type);
}
