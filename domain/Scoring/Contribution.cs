namespace RagnarokOps.Domain.Scoring;

/// <summary>One feature's push on a hypothesis, in log-odds, with the sentence a person reads to check it.</summary>
public sealed record Contribution(string Name, double Value, string Reason);
