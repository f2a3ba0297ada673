using RagnarokOps.Domain.Ownership;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Activities.Cases;

/// <summary>What an activity knows about a repository: its default branch, policy (or the defaults), ignore rules and CODEOWNERS.</summary>
/// <param name="Errors">Every problem in the policy files; when non-empty <see cref="Policy"/> is the default.</param>
internal sealed record RepositoryContext(
    string DefaultBranch,
    RepositoryPolicy Policy,
    IReadOnlyList<PolicyError> Errors,
    IgnoreRules Ignore,
    CodeOwnersFile? CodeOwners)
{
    public OwnershipResolver Owners => new(CodeOwners, Policy);
}
