namespace RagnarokOps.Functions.Schedules;

/// <summary>Section <c>Ragnarok:Schedules</c>: the local host's timer (on Azure the timer triggers' own schedule applies).</summary>
internal sealed class ScheduleOptions
{
    public const string SectionName = "Ragnarok:Schedules";

    /// <summary>False stops the local host's timer (the demo and tests that start work themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the local host looks for due work; each job's own schedule decides what is due.</summary>
    public int TickSeconds { get; set; } = 60;
}
