using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// The end of a program: its final status, the reason where there is one, and the summary written on
/// every stage that never ran (they are marked Skipped, never Done).
/// </summary>
public sealed record ProgramFinish(
    string ProgramId,
    ProgramStatus Status,
    DateTimeOffset At,
    string? Reason,
    string SkippedSummary);
