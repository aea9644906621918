namespace MentorFlow.Workflows.Cohorts;

/// <summary>What a participant answered on the check-in form.</summary>
/// <param name="Rating">1 (poor) to 5 (excellent).</param>
/// <param name="Comment">Optional free text, trimmed; null when empty.</param>
/// <param name="At">When the answer arrived.</param>
public sealed record CheckInAnswer(int Rating, string? Comment, DateTimeOffset At)
{
    /// <summary>A rating at or below this alerts the program manager at once.</summary>
    public const int AlertAtOrBelow = 2;
}
