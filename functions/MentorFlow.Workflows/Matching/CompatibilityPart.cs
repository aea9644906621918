namespace MentorFlow.Workflows.Matching;

/// <summary>What one matching factor added to a pair's compatibility.</summary>
/// <param name="Factor">The factor, one of <see cref="Definitions.MatchingFactors"/>.</param>
/// <param name="Weight">The factor's weight as configured.</param>
/// <param name="Value">The factor's value for the pair, 0..1.</param>
/// <param name="Contribution">weight × value / Σ weights; the parts' contributions add up to the compatibility.</param>
public sealed record CompatibilityPart(string Factor, double Weight, double Value, double Contribution);
