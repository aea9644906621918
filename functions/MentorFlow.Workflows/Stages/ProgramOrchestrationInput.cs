namespace MentorFlow.Workflows.Stages;

/// <summary>What the program orchestration starts with: only the id; everything else is in storage.</summary>
public sealed record ProgramOrchestrationInput(string ProgramId);
