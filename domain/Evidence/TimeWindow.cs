namespace RagnarokOps.Domain.Evidence;

/// <summary>A half-open time range [From, To) that a case looks at.</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>How far before the failure's start evidence is gathered: deployments usually precede the errors by hours.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(6);

    /// <summary>After the failure was reported: the errors go on, and a fix-forward may already be rolling out.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromMinutes(30);

    /// <summary>A start further back than this before the report is more likely a misread than the incident's start.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(3);

    public TimeSpan Length => To - From;

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>
    /// The window a case reads: from <see cref="Lookback"/> before <paramref name="start"/> (the earliest sign of the failure)
    /// to <see cref="Lookahead"/> after <paramref name="reported"/>, never longer than <see cref="MaxLength"/> back.
    /// Escalations and incidents gather their evidence over the same shape of window.
    /// </summary>
    public static TimeWindow Leading(DateTimeOffset start, DateTimeOffset reported)
    {
        var from = (start < reported ? start : reported) - Lookback;
        if (reported - from > MaxLength)
        {
            from = reported - MaxLength;
        }

        return new TimeWindow(from, reported + Lookahead);
    }
}
