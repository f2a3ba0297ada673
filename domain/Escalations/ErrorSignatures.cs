namespace RagnarokOps.Domain.Escalations;

/// <summary>The error fingerprints a text carries: what failed, where, and how.</summary>
/// <param name="Endpoints">Normalised as <c>POST /api/checkout</c> (method upper case, query dropped).</param>
/// <param name="Phrases">Quoted error messages and literals ("coupon expired"), matched against diffs as written.</param>
public sealed record ErrorSignatures(
    IReadOnlyList<string> ExceptionTypes,
    IReadOnlyList<int> StatusCodes,
    IReadOnlyList<string> ErrorCodes,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<string> RequestIds,
    IReadOnlyList<StackFrame> StackFrames,
    IReadOnlyList<string> Phrases)
{
    public static ErrorSignatures Empty { get; } = new([], [], [], [], [], [], []);

    public bool IsEmpty =>
        ExceptionTypes.Count == 0 && StatusCodes.Count == 0 && ErrorCodes.Count == 0 && Endpoints.Count == 0 && StackFrames.Count == 0;
}

/// <summary>One stack frame: the raw line, and the symbol, file and line when the runtime wrote them.</summary>
public sealed record StackFrame(string Raw, string? Symbol, string? File, int? Line);
