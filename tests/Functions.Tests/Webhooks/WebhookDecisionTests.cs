using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab.Webhooks;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.Tests.Webhooks;

public sealed class WebhookDecisionTests
{
    private static readonly WebhookOptions Options = new();

    [Fact]
    public void From_IssueLabelledLater_StartsOnlyWhenTheLabelWasAdded()
    {
        var added = Parse("Issue Hook", Hooks.Issue(3, 9, "update", "escalation::critical").Also(h => h["changes"] = Changes([], ["escalation::critical"])));
        var kept = Parse("Issue Hook", Hooks.Issue(3, 9, "update", "escalation::critical").Also(h => h["changes"] = Changes(["escalation::critical"], ["escalation::critical", "bug"])));

        var start = Assert.IsType<WebhookDecision.Start>(WebhookDecision.From(added, Options, "uuid"));
        Assert.Equal("escalation-3-9", start.Request.Case.InstanceId);
        Assert.Equal("uuid", start.Request.EventUuid);
        Assert.IsType<WebhookDecision.Ignore>(WebhookDecision.From(kept, Options, null));
    }

    [Fact]
    public void From_ConfiguredLabel_ReplacesTheDefault()
    {
        var hook = Parse("Issue Hook", Hooks.Issue(3, 9, "open", "sev1"));

        Assert.IsType<WebhookDecision.Ignore>(WebhookDecision.From(hook, Options, null));
        Assert.IsType<WebhookDecision.Start>(WebhookDecision.From(hook, new WebhookOptions { EscalationLabel = "sev1" }, null));
    }

    [Fact]
    public void From_MergeRequestNote_EnvsyncIsACommandAnsweredThere_RagnarokIsNot()
    {
        static JsonObject OnMergeRequest(string note) => Hooks.Note(3, 9, 42, "carol", note).Also(h =>
        {
            h.Remove("issue");
            h["object_attributes"]!["noteable_type"] = "MergeRequest";
            h["merge_request"] = new JsonObject { ["id"] = 700, ["iid"] = 12, ["source_branch"] = "dev", ["target_branch"] = "staging" };
        });

        var envsync = Assert.IsType<WebhookDecision.Envsync>(WebhookDecision.From(Parse("Note Hook", OnMergeRequest("/envsync approve")), Options, null));
        Assert.Equal(("approve", 12L, true, "carol"), (envsync.Command.Verb, envsync.Command.IssueIid, envsync.Command.OnMergeRequest, envsync.Username));
        Assert.IsType<WebhookDecision.Ignore>(WebhookDecision.From(Parse("Note Hook", OnMergeRequest("/ragnarok approve")), Options, null));
        Assert.IsType<WebhookDecision.Ignore>(WebhookDecision.From(Parse("Note Hook", OnMergeRequest("/envsync status").Also(h => h["object_attributes"]!["action"] = "update")), Options, null));
    }

    [Fact]
    public void From_EnvsyncNote_IsACommandForThatIssueAndNote()
    {
        var envsync = Assert.IsType<WebhookDecision.Envsync>(WebhookDecision.From(Parse("Note Hook", Hooks.Note(3, 9, 42, "carol", "please\n/envsync promote --from dev")), Options, null));

        Assert.Equal(("promote", "--from dev", 9L, 42L), (envsync.Command.Verb, envsync.Command.Arguments, envsync.Command.IssueIid, envsync.UserId!.Value));
        Assert.StartsWith("envsync-3-note-", envsync.Command.InstanceId, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EnvsyncInsideACodeBlock_IsNoCommand()
    {
        Assert.IsType<WebhookDecision.Ignore>(WebhookDecision.From(Parse("Note Hook", Hooks.Note(3, 9, 42, "carol", "```\n/envsync promote\n```")), Options, null));
    }

    [Theory]
    [InlineData("/ragnarok approve", true)]
    [InlineData("/ragnarok reject not this one", false)]
    public void From_DecisionNote_CarriesTheAuthorAndTheVerdict(string note, bool approved)
    {
        var decide = Assert.IsType<WebhookDecision.Decide>(WebhookDecision.From(Parse("Note Hook", Hooks.Note(3, 9, 42, "carol", note)), Options, null));

        Assert.Equal(approved, decide.Approved);
        Assert.Equal(42, decide.UserId);
        Assert.Equal("carol", decide.By);
        Assert.Equal(approved ? null : "not this one", decide.Comment);
    }

    [Theory]
    [InlineData("/ragnarok approve", "update")]
    [InlineData("/ragnarok dance", "create")]
    [InlineData("thanks!", "create")]
    public void From_EditedUnknownOrPlainNote_IsIgnoredWithAReason(string note, string action)
    {
        var ignore = Assert.IsType<WebhookDecision.Ignore>(WebhookDecision.From(Parse("Note Hook", Hooks.Note(3, 9, 42, "carol", note, action)), Options, null));

        Assert.False(string.IsNullOrWhiteSpace(ignore.Reason));
    }

    private static GitLabWebhookEvent Parse(string eventHeader, JsonObject body)
    {
        var parsed = GitLabWebhookParser.Parse(new GitLabWebhookHeaders { Event = eventHeader }, body.ToJsonString());
        Assert.Equal(GitLabWebhookOutcome.Accepted, parsed.Outcome);
        return parsed.Event!;
    }

    private static JsonObject Changes(string[] previous, string[] current) => new()
    {
        ["labels"] = new JsonObject
        {
            ["previous"] = new JsonArray(previous.Select(l => (JsonNode)new JsonObject { ["title"] = l }).ToArray()),
            ["current"] = new JsonArray(current.Select(l => (JsonNode)new JsonObject { ["title"] = l }).ToArray()),
        },
    };
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
