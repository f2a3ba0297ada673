using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Environments;

/// <summary>A project's topology as read from its repository, or every error that kept it from being read.</summary>
public sealed record TopologyLoad(string Project, EnvironmentTopology? Topology, IReadOnlyList<string> Errors);

public sealed record ProjectRequest(string Project);

public sealed record BranchRequest(string Project, EnvironmentBranch Environment);

public sealed record LinkRequest(string Project, EnvironmentBranch From, EnvironmentBranch To);

public sealed record LinkDriftRequest(string Project, EnvironmentBranch From, EnvironmentBranch To, DriftRules Rules);

/// <summary>The tracking issue after a drift check: created or updated in place.</summary>
public sealed record DriftIssueResult(long Iid, string? WebUrl, bool Created, bool Closed);

public sealed record PromotionRequest(string Project, EnvironmentBranch From, EnvironmentBranch To, BranchState Source, LinkDrift? Drift);

/// <summary>The promotion merge request, opened or updated (found by its source and target branches).</summary>
public sealed record PromotionMergeRequest(long Iid, string? WebUrl, bool Created, int Commits);

/// <summary>The status of one project's environments, or why there is none.</summary>
public sealed record EnvStatusOutcome(string Project, EnvironmentStatusReport? Report, IReadOnlyList<string> Errors);

public sealed record DriftCheckRequest(string Project, bool Publish);

public sealed record DriftCheckOutcome(string Project, DriftReport? Report, DriftIssueResult? Issue, IReadOnlyList<string> Errors);

/// <param name="From">The environment to promote; null means the first of the chain.</param>
public sealed record PromoteRequest(string Project, string? From);

public sealed record PromoteOutcome(string Project, string? From, string? To, bool Allowed, string Reason, PromotionMergeRequest? MergeRequest, IReadOnlyList<string> Errors);
