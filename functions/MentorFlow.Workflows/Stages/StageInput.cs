namespace MentorFlow.Workflows.Stages;

/// <summary>Input of a stage activity: the program and the orchestration's time (so replays write the same values).</summary>
public sealed record StageInput(string ProgramId, DateTimeOffset At);
