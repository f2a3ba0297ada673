using System.Text;
using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Functions.Dashboard;

/// <summary><c>POST /{prefix}/triage</c>: a pasted log (text/plain) in, its structured triage out, as <c>ragnarok classify</c> grades it.</summary>
internal static class TriageEndpoint
{
    public static async Task<IResult> PostAsync(HttpRequest request, DashboardOptions options, CancellationToken cancellationToken)
    {
        var limit = options.MaxTriageBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        // Read at most one byte past the limit: a body without Content-Length (chunked) is bounded too.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return TooLarge(limit);
            }
        }

        var log = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (string.IsNullOrWhiteSpace(log))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "empty log",
                detail: "The request body is empty: paste a log (a CI job trace or service log) as text/plain.");
        }

        var classification = FailureClassifier.BuiltIn.Classify(new StringReader(log));
        return Results.Json(TriageJson.From(LogTriage.Triage(classification)));
    }

    private static IResult TooLarge(long limit) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "log too large",
        detail: $"The log is larger than {limit} bytes, the limit set by {DashboardOptions.MaxTriageBytesSetting}; paste the failing part or raise the setting.");
}
