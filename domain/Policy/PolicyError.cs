namespace RagnarokOps.Domain.Policy;

/// <summary>
/// One problem in a configuration file (<c>.ragnarok.yaml</c>, <c>rules.yaml</c>, <c>.ragnarokignore</c>), with the
/// 1-based line and column and the dotted field it concerns, so a person can jump straight to it.
/// </summary>
public sealed record PolicyError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{File}({Line},{Column}): {Message}" : $"{File}({Line},{Column}): {Field}: {Message}";
}

/// <summary>Thrown where a caller asked for a valid configuration and got errors; the message lists every one.</summary>
public sealed class PolicyException(IReadOnlyList<PolicyError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}
