namespace MentorFlow.SampleData;

/// <summary>The settings samples/company was generated with; a test regenerates it and compares.</summary>
public static class SampleDefaults
{
    public const int People = 320;
    public const int Seed = 2027;

    /// <summary>Performance is generated up to this date, so a program started around it sees a full window.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 27);
}
