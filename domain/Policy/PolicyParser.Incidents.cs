using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Policy;

/// <summary>The incidents section: <c>incidents: { keep_open: true, email: [oncall@example.com] }</c>.</summary>
public static partial class PolicyParser
{
    private static IncidentPolicy Incidents(YamlFieldReader reader, YamlMappingNode? root)
    {
        var map = reader.Mapping(YamlFieldReader.Child(root, "incidents"), "incidents");
        if (map is null)
        {
            return IncidentPolicy.Default;
        }

        reader.RejectUnknownKeys(map, "incidents", "keep_open", "email");
        var keepOpen = reader.Bool(map, "keep_open", "incidents") ?? false;
        var email = reader.Strings(map, "email", "incidents");
        foreach (var address in email.Where(a => !a.Contains('@', StringComparison.Ordinal)))
        {
            reader.Error(YamlFieldReader.Child(map, "email")!, "incidents.email", $"'{address}' is not an email address");
        }

        return new IncidentPolicy(keepOpen, email);
    }
}
