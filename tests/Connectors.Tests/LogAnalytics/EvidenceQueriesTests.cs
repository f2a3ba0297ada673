using RagnarokOps.Connectors.LogAnalytics;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

public sealed class EvidenceQueriesTests
{
    private static readonly TimeWindow Window = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 1, 13, 0, 0, TimeSpan.Zero));

    private static string[] Queries(string role) =>
    [
        EvidenceQueries.ErrorsPerMinute(role, Window),
        EvidenceQueries.TopExceptions(role, Window, 10),
        EvidenceQueries.Samples(role, Window, 5),
    ];

    [Fact]
    public void AllQueries_HostileRole_RoleAppearsOnlyAsOneLiteralInTheLetStatement()
    {
        const string hostile = "orders\"; AppRequests | take 100000 | project-away *; let x = \"";
        foreach (var query in Queries(hostile))
        {
            var lines = query.Split('\n');
            Assert.StartsWith("let cloudRole = ", lines[0], StringComparison.Ordinal);
            var (value, end) = KqlTests.ReadLiteral(lines[0], "let cloudRole = ".Length);
            Assert.Equal(hostile, value);
            Assert.Equal(";", lines[0][end..]);
            Assert.DoesNotContain("orders", string.Join('\n', lines.Skip(1)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ErrorsPerMinute_Role_CoversAppTablesAndContainerLogsOverTheWindow()
    {
        var query = EvidenceQueries.ErrorsPerMinute("orders-api", Window);

        Assert.Contains("let windowStart = datetime(2024-05-01T12:00:00.0000000Z);", query, StringComparison.Ordinal);
        Assert.Contains("let windowEnd = datetime(2024-05-01T13:00:00.0000000Z);", query, StringComparison.Ordinal);
        foreach (var table in new[] { "AppRequests", "AppExceptions", "AppTraces", "ContainerLogV2" })
        {
            Assert.Contains($"({table} | where TimeGenerated >= windowStart and TimeGenerated < windowEnd", query, StringComparison.Ordinal);
        }

        Assert.Contains("union isfuzzy=true", query, StringComparison.Ordinal);
        Assert.Contains("by Minute = bin(TimeGenerated, 1m)", query, StringComparison.Ordinal);
    }

    [Fact]
    public void TopExceptionsAndSamples_Limits_AreWrittenIntoTheQuery()
    {
        Assert.Contains("| top 7 by Count desc", EvidenceQueries.TopExceptions("svc", Window, 7), StringComparison.Ordinal);
        Assert.EndsWith("| take 3", EvidenceQueries.Samples("svc", Window, 3), StringComparison.Ordinal);
    }
}
