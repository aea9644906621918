namespace MentorFlow.Workflows.Definitions;

/// <summary>The pilot: a few pairs for a fixed time, with check-ins along the way.</summary>
/// <param name="Pairs">How many mentor–mentee pairs the pilot runs.</param>
/// <param name="Duration">How long the pilot lasts.</param>
/// <param name="CheckIns">When to check in, measured from the pilot's start; ascending and inside the duration.</param>
public sealed record PilotDefinition(int Pairs, IsoDuration Duration, IReadOnlyList<IsoDuration> CheckIns);
