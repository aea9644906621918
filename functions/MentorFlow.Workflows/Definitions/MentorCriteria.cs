namespace MentorFlow.Workflows.Definitions;

/// <summary>Which employees may mentor and how candidates are ranked.</summary>
/// <param name="Eligibility">Expressions every mentor must satisfy, e.g. "isManager".</param>
/// <param name="Selection">Weight per performance measure used to rank eligible candidates; may be empty.</param>
/// <param name="Capacity">How many mentees one mentor takes at most.</param>
public sealed record MentorCriteria(
    IReadOnlyList<string> Eligibility,
    IReadOnlyDictionary<string, double> Selection,
    int Capacity);
