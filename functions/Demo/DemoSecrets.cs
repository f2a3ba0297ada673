using System.Security.Cryptography;
using System.Text.Json;

namespace RagnarokOps.Functions.Demo;

/// <summary>
/// The demo's own secrets, made once per data folder and kept in it, so a host restarted on the same folder still
/// accepts the links it signed and the sandbox's webhook. Demo data only: production keys come from configuration.
/// </summary>
internal sealed record DemoSecrets(string WebhookSecret, string SigningKey, string ManagementKey)
{
    public const string FileName = "demo-secrets.json";

    public static DemoSecrets LoadOrCreate(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<DemoSecrets>(File.ReadAllText(path)) is { } existing)
        {
            return existing;
        }

        var secrets = new DemoSecrets(NewKey(), NewKey(), NewKey());
        File.WriteAllText(path, JsonSerializer.Serialize(secrets));
        return secrets;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
