namespace RagnarokOps.Domain.Onset;

/// <summary>
/// When errors started, how sure the detector is, and the sentence that explains either answer
/// ("errors rose from 0.2/min to 14.0/min at 14:05 UTC" or "no error increase: baseline 0.4/min, window max 1/min").
/// </summary>
/// <param name="At">Start of the first burst minute, or null when no onset was found.</param>
/// <param name="Confidence">In [0,1]; 0 when <see cref="At"/> is null.</param>
/// <param name="FirstError">The first minute in the window with any error, if any (the timeline shows it).</param>
public sealed record OnsetResult(
    DateTimeOffset? At,
    double Confidence,
    double BaselinePerMinute,
    double BurstPerMinute,
    DateTimeOffset? FirstError,
    string Explanation)
{
    public bool Found => At is not null;

    public static OnsetResult None(string explanation, double baseline = 0, double max = 0, DateTimeOffset? firstError = null) =>
        new(null, 0, baseline, max, firstError, explanation);
}
