namespace MentorFlow.Workflows.Matching;

/// <summary>A mentee paired with a mentor.</summary>
/// <param name="MenteeEmail">The mentee.</param>
/// <param name="MentorEmail">The mentor.</param>
/// <param name="Compatibility">The pair's compatibility, 0..1 (see <see cref="Matching.Compatibility"/>).</param>
/// <param name="Explanation">One part per factor with a positive weight, in <see cref="Definitions.MatchingFactors.All"/> order.</param>
public sealed record MatchedPair(string MenteeEmail, string MentorEmail, double Compatibility, IReadOnlyList<CompatibilityPart> Explanation);
