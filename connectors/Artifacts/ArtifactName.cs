using System.Text.RegularExpressions;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Case ids and artifact names are single path segments of letters, digits, '.', '_' and '-', starting with a
/// letter or digit: safe as a file name and as a blob name, and no way to climb out of a case's folder.
/// </summary>
internal static partial class ArtifactName
{
    public static void Validate(string caseId, string? name = null)
    {
        if (!Segment().IsMatch(caseId ?? string.Empty))
        {
            throw new ArgumentException($"case id '{caseId}' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit", nameof(caseId));
        }

        if (name is not null && !Segment().IsMatch(name))
        {
            throw new ArgumentException($"artifact name '{name}' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Segment();
}
