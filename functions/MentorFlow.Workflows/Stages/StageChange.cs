using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Stages;

/// <summary>A stage starting or finishing, recorded at the orchestration's time.</summary>
public sealed record StageChange(string ProgramId, StageName Stage, DateTimeOffset At, string? Summary = null);
