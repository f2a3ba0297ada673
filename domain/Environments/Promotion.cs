using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Reporting;

namespace RagnarokOps.Domain.Environments;

/// <summary>Whether a promotion may go ahead, and why not.</summary>
public sealed record PromotionDecision(bool Allowed, string Reason);

/// <summary>The merge request that promotes one environment to the next: the gate, its title, description and marker.</summary>
public static class Promotion
{
    public static string Marker(string from, string to) => $"<!-- ragnarok:envsync-promote {from}->{to} -->";

    public static string Title(EnvironmentBranch from, EnvironmentBranch to) => $"Promote {from.Name} → {to.Name}";

    /// <summary>The link to promote along: <paramref name="fromName"/> (the chain's first when null) and the environment after it.</summary>
    public static (EnvironmentBranch? From, EnvironmentBranch? To, string? Refusal) Resolve(EnvironmentTopology topology, string? fromName)
    {
        ArgumentNullException.ThrowIfNull(topology);
        if (topology.Promotion.Count < 2)
        {
            return (null, null, $"no promotion chain ({topology.Notice ?? $"{topology.Source} names one environment"})");
        }

        var from = topology.Find(fromName ?? topology.Promotion[0]);
        if (from is null)
        {
            return (null, null, $"'{fromName}' is not an environment of {topology.Source} ({string.Join(", ", topology.Environments.Select(e => e.Name))})");
        }

        var to = topology.Next(from.Name);
        return to is null ? (from, null, $"{from.Name} is the end of the promotion chain ({string.Join(" → ", topology.Promotion)})") : (from, to, null);
    }

    /// <summary>Refuses when the source's last pipeline is red (or there is none), or when there is nothing to promote.</summary>
    public static PromotionDecision Decide(EnvironmentBranch from, EnvironmentBranch to, BranchState source, int commits)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Head is null)
        {
            return new(false, $"branch {from.Branch} of {from.Name} was not found{(source.Problem is null ? "" : $": {source.Problem}")}");
        }

        if (source.Pipeline is null)
        {
            return new(false, $"{from.Name} ({from.Branch}) has no pipeline: promotion needs a green one");
        }

        if (source.Pipeline.IsRed)
        {
            var jobs = source.Pipeline.FailedJobs.Count > 0 ? $" (failed: {string.Join(", ", source.Pipeline.FailedJobs)})" : "";
            return new(false, $"the last pipeline of {from.Branch}, #{source.Pipeline.Id}, is {source.Pipeline.Status}{jobs}: fix it before promoting to {to.Name}");
        }

        if (source.Pipeline.Status != "success")
        {
            return new(false, $"the last pipeline of {from.Branch}, #{source.Pipeline.Id}, is {source.Pipeline.Status}, not yet green");
        }

        if (!string.Equals(source.Pipeline.Sha, source.Head.Sha, StringComparison.Ordinal))
        {
            return new(false, $"the head of {from.Branch} ({source.Head.ShortSha}) has no pipeline yet; the last green one ran on {source.Pipeline.Sha[..Math.Min(8, source.Pipeline.Sha.Length)]}");
        }

        return commits == 0
            ? new(false, $"{to.Branch} already has every commit of {from.Branch}: nothing to promote")
            : new(true, $"pipeline #{source.Pipeline.Id} of {from.Branch} is green; {commits} commit(s) to promote");
    }

    public static string Describe(EnvironmentBranch from, EnvironmentBranch to, BranchState source, IReadOnlyList<CommitRef> commits, LinkDrift? drift)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(commits);
        var text = new StringBuilder();
        text.Append(Marker(from.Name, to.Name)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Promotes **{from.Name}** (`{from.Branch}`) to **{to.Name}** (`{to.Branch}`){(to.Protected ? "; the target is protected: merging needs its approvers" : "")}.\n\n");
        if (source.Pipeline is { } p)
        {
            text.Append(CultureInfo.InvariantCulture, $"Source pipeline: {Markdown.Link($"#{p.Id}", p.WebUrl)} **{p.Status}** on {p.Sha[..Math.Min(8, p.Sha.Length)]}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"### Commits ({commits.Count})\n\n");
        foreach (var c in commits)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {Markdown.Link(c.ShortSha, c.WebUrl)} {Markdown.Cell(c.Title)}{(c.Author is null ? "" : $" ({Markdown.Cell(c.Author)})")}\n");
        }

        text.Append("\n### Drift of the target\n\n");
        if (drift is null)
        {
            text.Append("Not checked.\n");
        }
        else if (drift.Problem is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Not checked: {drift.Problem}\n");
        }
        else if (drift.Unexpected.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"None unexpected ({drift.Expected.Count} expected).\n");
        }
        else
        {
            foreach (var finding in drift.Unexpected)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {Markdown.Cell(DriftIssue.What(finding))}{(finding.IntroducedBy is { } c ? $" — {c.ShortSha} {Markdown.Cell(c.Title)}" : "")}\n");
            }
        }

        return text.ToString();
    }
}
