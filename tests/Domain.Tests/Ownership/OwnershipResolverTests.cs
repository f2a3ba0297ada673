using RagnarokOps.Domain.Ownership;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Ownership;

public sealed class OwnershipResolverTests
{
    private static readonly CodeOwnersFile CodeOwners = CodeOwnersFile.Parse("""
        * @acme/everyone
        /services/ @acme/backend
        /services/payments/ @acme/payments
        /services/payments/legacy/
        [Database][2] @acme/dba
        **/migrations/
        ^[Docs] @tech-writer
        *.md
        [Security]
        /services/ @acme/security
        !/services/public/
        """, "CODEOWNERS");

    private static readonly RepositoryPolicy Policy = PolicyParser.Parse("""
        services:
          - name: payments
            paths: ["services/payments/**"]
            owners: ["@payments-oncall"]
          - name: web
            paths: ["web/**"]
        """).GetOrThrow();

    [Fact]
    public void Find_LastMatchWinsInSection_SectionsCombine()
    {
        var result = new OwnershipResolver(CodeOwners, Policy).Find("services/payments/migrations/001.sql");

        Assert.Equal(["@acme/payments", "@acme/dba", "@acme/security", "@payments-oncall"], result.Owners);
        var defaultSection = result.Matches[0];
        Assert.Equal(("CODEOWNERS", 3, "/services/payments/", "Default"), (defaultSection.File, defaultSection.Line, defaultSection.Pattern, defaultSection.Section));
        var database = result.Matches[1];
        Assert.Equal(("Database", 2, 6), (database.Section, database.ApprovalsRequired, database.Line));
        Assert.Equal(".ragnarok.yaml", result.Matches[^1].Source);
        Assert.Equal("services/payments/**", result.Matches[^1].Pattern);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Find_LaterLineWithoutOwners_LeavesSectionUnowned()
    {
        var result = new OwnershipResolver(CodeOwners, RepositoryPolicy.Default).Find("services/payments/legacy/a.cs");

        var match = Assert.Single(result.Matches, m => m.Section == "Default");
        Assert.Equal(4, match.Line);
        Assert.Empty(match.Owners);
        Assert.Equal(["@acme/security"], result.Owners);
    }

    [Fact]
    public void Find_OptionalSection_MarkedOptional()
    {
        var result = new OwnershipResolver(CodeOwners, RepositoryPolicy.Default).Find("docs/guide.md");

        var docs = Assert.Single(result.Matches, m => m.Section == "Docs");
        Assert.True(docs.Optional);
        Assert.Equal(["@acme/everyone", "@tech-writer"], result.Owners);
        Assert.Equal("CODEOWNERS line 8: `*.md` in section [Docs] (optional)", docs.Describe());
    }

    [Fact]
    public void Find_ExclusionInSection_RemovesThatSectionOnly()
    {
        var result = new OwnershipResolver(CodeOwners, RepositoryPolicy.Default).Find("services/public/index.html");

        Assert.DoesNotContain(result.Matches, m => m.Section == "Security");
        Assert.Equal(["@acme/backend"], result.Owners);
    }

    [Fact]
    public void Find_NothingMatches_SaysWhy()
    {
        var codeOwners = CodeOwnersFile.Parse("/services/ @acme/backend\n");

        var result = new OwnershipResolver(codeOwners, Policy).Find("src/x");

        Assert.False(result.HasOwners);
        Assert.Equal("no CODEOWNERS rule matched `src/x`; no service in .ragnarok.yaml has a path matching `src/x`", result.Reason);
    }

    [Fact]
    public void Find_NoCodeOwnersFile_FallsBackToPolicy()
    {
        var resolver = new OwnershipResolver(null, Policy);

        Assert.Equal(["@payments-oncall"], resolver.Find("services/payments/api.cs").Owners);
        Assert.Equal("there is no CODEOWNERS file; the policy defines no services",
            new OwnershipResolver(null, RepositoryPolicy.Default).Find("a.cs").Reason);
        Assert.Equal("the matching rules name no owners (service web owns `web/**` (.ragnarok.yaml line 5))", resolver.Find("web/app.ts").Reason);
    }

    [Fact]
    public void FindForService_UnknownOrKnown()
    {
        var resolver = new OwnershipResolver(null, Policy);

        Assert.Equal(["@payments-oncall"], resolver.FindForService("payments").Owners);
        Assert.Equal("no service named `cart` in .ragnarok.yaml", resolver.FindForService("cart").Reason);
    }

    [Fact]
    public void FindOwnersOfService_PolicyNamesNone_CodeOwnersOfItsFolderOrWhyNot()
    {
        var policy = PolicyParser.Parse("""
            services:
              - name: payments
                paths: ["services/payments/**"]
              - name: web
                paths: ["web/**"]
              - name: api
                paths: ["services/api/**"]
                owners: ["@api-oncall"]
            """).GetOrThrow();
        var codeOwners = CodeOwnersFile.Parse("""
            /services/ @acme/backend
            /services/payments/ @acme/payments @bob
            """, "CODEOWNERS");
        var resolver = new OwnershipResolver(codeOwners, policy);

        Assert.Equal(["@acme/payments", "@bob"], resolver.FindOwnersOfService("payments").Owners);
        Assert.Equal(["@api-oncall"], resolver.FindOwnersOfService("api").Owners);
        Assert.Equal("service `web` lists no owners in .ragnarok.yaml; no CODEOWNERS rule matched `web/`", resolver.FindOwnersOfService("web").Reason);
        Assert.Equal("no service named `cart` in .ragnarok.yaml", resolver.FindOwnersOfService("cart").Reason);
        Assert.Equal("service `web` lists no owners in .ragnarok.yaml; there is no CODEOWNERS file", new OwnershipResolver(null, policy).FindOwnersOfService("web").Reason);
    }
}
