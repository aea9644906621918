using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Stages;

/// <summary>
/// Input of <see cref="ActivityStageOrchestrator"/>: which stage of which program, and the program orchestration's
/// time. The stage activity records that time, so a stage started twice (a host killed between sending the start and
/// recording it) writes the same audit entry, which the log keeps once.
/// </summary>
public sealed record StageRun(string ProgramId, StageName Stage, DateTimeOffset At);

/// <summary>How a stage ended: its result, and — when its gate was declined — why the program stops.</summary>
public sealed record StageReport(StageResult Result, string? DeclinedReason);
