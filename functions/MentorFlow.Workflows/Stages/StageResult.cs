namespace MentorFlow.Workflows.Stages;

/// <summary>What a stage activity reports: its one-line summary and the counts it adds to the program's.</summary>
public sealed record StageResult(string Summary, IReadOnlyDictionary<string, int> Counts);
