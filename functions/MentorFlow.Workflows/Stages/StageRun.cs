using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Stages;

/// <summary>Input of <see cref="ActivityStageOrchestrator"/>: which stage of which program.</summary>
public sealed record StageRun(string ProgramId, StageName Stage);

/// <summary>How a stage ended: its result, and — when its gate was declined — why the program stops.</summary>
public sealed record StageReport(StageResult Result, string? DeclinedReason);
