using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Functions.Approvals;

/// <summary>The POST of an approval page or of a client: the token, approve|reject, and who and why (optional).</summary>
internal sealed record ApprovalSubmission(string? Token, string? Decision, string? Comment, string? By)
{
    public const int MaxCommentLength = 2000;
    public const int MaxByLength = 200;
    public const string DefaultBy = "approval link";

    /// <summary>True for approve, false for reject, null for anything else.</summary>
    public bool? Approved => Decision?.Trim().ToUpperInvariant() switch
    {
        "APPROVE" => true,
        "REJECT" => false,
        _ => null,
    };

    public string DecidedBy => Clip(By, MaxByLength) ?? DefaultBy;

    public string? CleanComment => Clip(Comment, MaxCommentLength);

    /// <summary>Reads a form or a JSON body; null when the body is neither or does not parse.</summary>
    public static async Task<(ApprovalSubmission? Submission, bool IsJson)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(cancellationToken);
                return (new ApprovalSubmission(form["token"], form["decision"], form["comment"], form["by"]), false);
            }
            catch (InvalidDataException)
            {
                return (null, false);
            }
        }

        if (request.HasJsonContentType())
        {
            try
            {
                return (await request.ReadFromJsonAsync<ApprovalSubmission>(cancellationToken), true);
            }
            catch (JsonException)
            {
                return (null, true);
            }
        }

        return (null, false);
    }

    private static string? Clip(string? text, int max)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= max ? trimmed : trimmed[..max];
    }
}
