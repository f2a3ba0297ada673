using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Connectors.Tests.GitLab.Webhooks;

public sealed class WebhookBodyErrorsTests
{
    [Theory]
    [InlineData("""{ "object_kind": "note", "object_attributes": { "id": true } }""", "object_attributes.id: expected a whole number, found true")]
    [InlineData("""{ "object_kind": "note", "user": "alice" }""", "user: expected an object, found text (\"alice\")")]
    [InlineData("""{ "object_kind": "note", "project": { "id": 1, "path_with_namespace": 5 } }""", "project.path_with_namespace: expected text, found a number (5)")]
    public void Parse_WrongTypes_NameTheFieldWhatWasExpectedAndWhatCame(string body, string expected)
    {
        var result = GitLabWebhookParser.Parse(GitLabWebhookHeaders.From(n => n == GitLabWebhookHeaders.EventHeader ? "Note Hook" : null), body);

        Assert.Equal(GitLabWebhookOutcome.Invalid, result.Outcome);
        Assert.Equal($"The Note Hook body is not what GitLab sends: {expected}.", result.Reason);
    }

    [Theory]
    [InlineData("$.object_attributes.iid", "object_attributes.iid")]
    [InlineData("$['odd key'].x", "odd key.x")]
    [InlineData(null, "")]
    public void Field_JsonPath_IsADottedField(string? path, string field) => Assert.Equal(field, WebhookBodyErrors.Field(path));
}
