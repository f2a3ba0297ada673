using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Sandbox.Api;

internal static class HttpContextExtensions
{
    public const string UserKey = "sandbox.user";

    /// <summary>The user whose token authenticated this request.</summary>
    public static JsonObject CurrentUser(this HttpContext http) => (JsonObject)http.Items[UserKey]!;
}
