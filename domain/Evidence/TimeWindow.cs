namespace RagnarokOps.Domain.Evidence;

/// <summary>A half-open time range [From, To) that a case looks at.</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Length => To - From;

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
