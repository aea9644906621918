using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Stages;

/// <summary>How a program orchestration ended.</summary>
public sealed record ProgramOutcome(ProgramStatus Status, string? Reason);
