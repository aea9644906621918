namespace MentorFlow.Workflows.Matching;

/// <summary>The outcome of a matching run; both lists are ordered by mentee email (lower-case, ordinal).</summary>
/// <param name="Pairs">Mentees who got a mentor.</param>
/// <param name="Unmatched">Mentees who did not, with the reason.</param>
/// <param name="TotalCompatibility">The sum of the pairs' compatibilities.</param>
public sealed record MatchingResult(IReadOnlyList<MatchedPair> Pairs, IReadOnlyList<UnmatchedMentee> Unmatched, double TotalCompatibility);
