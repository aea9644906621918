namespace MentorFlow.Workflows.Programs;

/// <summary>One stage of a program as the API shows it.</summary>
public sealed record StageRecord(
    StageName Name,
    StageState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Summary);
