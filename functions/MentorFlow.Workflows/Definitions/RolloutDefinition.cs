namespace MentorFlow.Workflows.Definitions;

/// <summary>The full rollout after the pilot, with check-ins along the way.</summary>
/// <param name="Duration">How long the rollout lasts.</param>
/// <param name="CheckIns">When to check in, measured from the rollout's start; ascending and inside the duration.</param>
public sealed record RolloutDefinition(IsoDuration Duration, IReadOnlyList<IsoDuration> CheckIns);
