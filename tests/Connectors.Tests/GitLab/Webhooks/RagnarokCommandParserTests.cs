using RagnarokOps.Connectors.GitLab.Webhooks;

namespace RagnarokOps.Connectors.Tests.GitLab.Webhooks;

public sealed class RagnarokCommandParserTests
{
    [Theory]
    [InlineData("/ragnarok triage", RagnarokCommandKind.Triage, "")]
    [InlineData("/ragnarok approve", RagnarokCommandKind.Approve, "")]
    [InlineData("/Ragnarok  APPROVE  ", RagnarokCommandKind.Approve, "")]
    [InlineData("/ragnarok reject revert would drop the migration", RagnarokCommandKind.Reject, "revert would drop the migration")]
    [InlineData("Thanks!\r\n\r\n  /ragnarok triage\r\n", RagnarokCommandKind.Triage, "")]
    public void Parse_CommandLine_ReturnsKindAndArguments(string body, RagnarokCommandKind kind, string arguments)
    {
        var command = RagnarokCommandParser.Parse(body)!;

        Assert.Equal(kind, command.Kind);
        Assert.Equal(arguments, command.Arguments);
    }

    [Fact]
    public void Parse_UnknownVerb_ReturnsUnknownWithVerb()
    {
        var command = RagnarokCommandParser.Parse("/ragnarok deploy prod")!;

        Assert.Equal(RagnarokCommandKind.Unknown, command.Kind);
        Assert.Equal("deploy", command.Verb);
    }

    [Fact]
    public void Parse_BarePrefix_ReturnsUnknownWithEmptyVerb() =>
        Assert.Equal("", RagnarokCommandParser.Parse("/ragnarok")!.Verb);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Please /ragnarok approve this")]
    [InlineData("/ragnarokapprove")]
    [InlineData("> /ragnarok approve")]
    [InlineData("```\n/ragnarok approve\n```")]
    [InlineData("~~~\n/ragnarok approve\n~~~")]
    public void Parse_NoCommandLine_ReturnsNull(string? body) => Assert.Null(RagnarokCommandParser.Parse(body));

    [Fact]
    public void Parse_SeveralCommands_TakesTheFirst() =>
        Assert.Equal(RagnarokCommandKind.Reject, RagnarokCommandParser.Parse("/ragnarok reject\n/ragnarok approve")!.Kind);

    [Fact]
    public void Parse_CommandAfterClosedFence_IsFound() =>
        Assert.Equal(RagnarokCommandKind.Approve, RagnarokCommandParser.Parse("```\n/ragnarok reject\n```\n/ragnarok approve")!.Kind);
}
