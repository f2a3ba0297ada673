using RagnarokOps.Functions.Cli;
using RagnarokOps.Functions.Demo;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Demo;

/// <summary><c>ragnarok demo --scenario incident</c> end to end: real sandbox, sample service, SMTP server, Azurite and host.</summary>
public sealed class IncidentDemoTests
{
    [Fact]
    public async Task Demo_IncidentScenario_FilesTheIssueWikiAndEmailWithinTwoRounds_ThenClosesItOnRecovery()
    {
        using var dir = new TempDirectory();
        var summaryPath = dir.Combine("summary.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RagnarokCommandLine.InvokeAsync(["demo", "--scenario", "incident", "--summary", summaryPath, "--data", dir.Combine("data")], output, error);

        var printed = output.ToString();
        Assert.True(exit == 0, $"exit {exit}: {error}\n{printed}");
        var summary = IncidentDemoSummary.Read(summaryPath)!;

        // Noticed on the second failing round, and the time it took was measured (the 5 s goal is bench's, not a test's).
        Assert.Equal(2, summary.FailingRounds);
        Assert.Equal(3, summary.DetectionRound);
        Assert.True(summary.DetectionSeconds > 0, $"detection took {summary.DetectionSeconds} s");

        var issue = summary.Issue!;
        Assert.Equal("closed", issue.State);
        Assert.StartsWith("http://127.0.0.1:", issue.Url, StringComparison.Ordinal);
        Assert.Equal(["alice", "dave"], issue.Assignees);
        Assert.Contains("incident", issue.Labels);
        Assert.Contains("checkout", issue.Labels);
        Assert.Contains(issue.Labels, l => l.StartsWith("severity::P", StringComparison.Ordinal));
        Assert.Contains(issue.Labels, l => l.StartsWith("category::", StringComparison.Ordinal));
        Assert.StartsWith("incidents/checkout-", summary.WikiTitle, StringComparison.Ordinal);
        Assert.Contains("/-/wikis/incidents/checkout-", summary.WikiUrl, StringComparison.Ordinal);

        // The email arrived at the SMTP server, with the issue and wiki links in its text part.
        Assert.Equal([IncidentDemoStage.OnCall], summary.EmailTo);
        Assert.StartsWith("[P", summary.EmailSubject, StringComparison.Ordinal);
        Assert.Contains("Incident: checkout checkout-http", summary.EmailSubject, StringComparison.Ordinal);
        Assert.Contains(issue.Url, summary.EmailText, StringComparison.Ordinal);
        Assert.Contains(summary.WikiUrl!, summary.EmailText, StringComparison.Ordinal);
        Assert.Contains("Recovered: checkout checkout-http", summary.RecoveryEmailSubject, StringComparison.Ordinal);

        Assert.Equal("down", summary.DashboardProbeStatus);
        Assert.Equal(1, summary.DashboardOpenIncidents);
        Assert.Contains(summary.IncidentLines, l => l.StartsWith($"checkout-http Failing → issue #{issue.Iid} filed", StringComparison.Ordinal));
        Assert.Contains(summary.IncidentLines, l => l.StartsWith($"checkout-http Recovered → issue #{issue.Iid} recovered and closed", StringComparison.Ordinal));

        // What a person reads: progress per round, the issue, the RCA page, the email, the dashboard, the close.
        Assert.Contains("round 1 (", printed, StringComparison.Ordinal);
        Assert.Contains("Short interval for the demo", printed, StringComparison.Ordinal);
        Assert.Contains("The sample service goes down", printed, StringComparison.Ordinal);
        Assert.Contains($"Incident issue #{issue.Iid}", printed, StringComparison.Ordinal);
        Assert.Contains("assignee: alice, dave", printed, StringComparison.Ordinal);
        Assert.Contains("RCA wiki page incidents/checkout-", printed, StringComparison.Ordinal);
        Assert.Contains("Email caught by the SMTP server", printed, StringComparison.Ordinal);
        Assert.Contains("text part:", printed, StringComparison.Ordinal);
        Assert.Contains("Dashboard http://127.0.0.1:", printed, StringComparison.Ordinal);
        Assert.Contains($"Incident issue #{issue.Iid} is now closed", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_UnknownScenario_IsRefusedNamingTheChoices()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RagnarokCommandLine.InvokeAsync(["demo", "--scenario", "outage"], output, error);

        Assert.NotEqual(0, exit);
        Assert.Contains("escalation", error.ToString() + output, StringComparison.Ordinal);
        Assert.Contains("incident", error.ToString() + output, StringComparison.Ordinal);
    }
}
