namespace MentorFlow.Workflows.Matching;

/// <summary>One matching factor of a pair: its weight, its value (0–1) and its contribution to the compatibility.</summary>
public sealed record CompatibilityPart(string Factor, double Weight, double Value, double Contribution);
