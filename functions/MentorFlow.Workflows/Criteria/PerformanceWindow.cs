namespace MentorFlow.Workflows.Criteria;

/// <summary>The dates whose performance counts: <see cref="Start"/> inclusive to <see cref="End"/> (the program's start date) exclusive.</summary>
public sealed record PerformanceWindow(DateOnly Start, DateOnly End);
