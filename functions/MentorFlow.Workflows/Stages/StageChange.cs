using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Stages;

/// <summary>A stage starting or finishing (with its result), recorded at the orchestration's time.</summary>
public sealed record StageChange(string ProgramId, StageName Stage, DateTimeOffset At, StageResult? Result = null);
