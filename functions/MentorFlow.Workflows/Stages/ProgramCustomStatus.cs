namespace MentorFlow.Workflows.Stages;

/// <summary>The orchestration's custom status: program status, the stage, what it waits for, how far it is.</summary>
public sealed record ProgramCustomStatus(
    string Status,
    string? Stage,
    IReadOnlyList<string> WaitingFor,
    int StagesFinished,
    int StageCount);
