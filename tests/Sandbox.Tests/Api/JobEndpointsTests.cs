using System.Text.Json.Nodes;

namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Project jobs with keyset pagination walk every job exactly once, following Link rel="next".</summary>
public sealed class JobEndpointsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task ListJobs_Keyset_FollowsCursorThroughAllJobs()
    {
        var all = (await sandbox.GetJsonAsync(sandbox.Project + "/jobs?per_page=100")).AsArray().Select(j => j!["id"]!.GetValue<long>()).ToList();
        var seen = new List<long>();
        var url = new Uri(sandbox.Server.BaseUrl, sandbox.Project + "/jobs?pagination=keyset&per_page=4");
        while (true)
        {
            using var response = await sandbox.Http.GetAsync(url);
            Assert.False(response.Headers.Contains("x-total"));
            seen.AddRange(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(j => j!["id"]!.GetValue<long>()));
            if (!response.Headers.TryGetValues("Link", out var links))
            {
                break;
            }

            var link = links.Single();
            url = new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        }

        Assert.True(all.Count > 8);
        Assert.Equal(all, seen);
    }
}
