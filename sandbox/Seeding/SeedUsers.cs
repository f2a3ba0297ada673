using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>Users of the sandbox: the administrator (id 1, the options token) and the scenario's people.</summary>
internal static class SeedUsers
{
    public static void EnsureAdministrator(SandboxContext sb)
    {
        if (sb.FindUser(1) is not null)
        {
            return;
        }

        Add(sb, "root", "Administrator", "admin@example.com", token: null);
    }

    public static JsonObject Add(SandboxContext sb, string username, string name, string email, string? token) =>
        sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.User);
            var user = Shapes.NewUser(id, username, name, email, sb.BaseUrl, sb.Now.AddDays(-400));
            tx.Put(Kinds.User, id, 0, user);
            if (token is not null)
            {
                tx.Put(Kinds.Token, id, 0, new JsonObject { ["user_id"] = id, ["token"] = token });
            }

            return user;
        });
}
