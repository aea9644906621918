namespace MentorFlow.Workflows.Matching;

/// <summary>A mentor who accepted, with the places they still offer.</summary>
/// <param name="Person">The mentor.</param>
/// <param name="Score">Their selection score, already normalised to 0..1 (values outside are clamped, a non-number counts as 0).</param>
/// <param name="Capacity">How many more mentees they can take; 0 or less takes none.</param>
public sealed record MentorSlot(MatchPerson Person, double Score, int Capacity);
