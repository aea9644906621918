namespace MentorFlow.Workflows.Programs;

/// <summary>One row of the programs list.</summary>
public sealed record ProgramSummary(
    string Id,
    string Name,
    ProgramStatus Status,
    StageName? Stage,
    DateTimeOffset CreatedAt);
