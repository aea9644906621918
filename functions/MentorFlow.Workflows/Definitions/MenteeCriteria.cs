namespace MentorFlow.Workflows.Definitions;

/// <summary>Which employees may be nominated as mentees and how candidates are ranked.</summary>
/// <param name="Eligibility">Expressions every mentee must satisfy, e.g. "tenureMonths >= 12".</param>
/// <param name="Selection">Weight per performance measure used to rank eligible candidates; may be empty.</param>
/// <param name="MaxNominees">How many candidates are nominated at most.</param>
public sealed record MenteeCriteria(
    IReadOnlyList<string> Eligibility,
    IReadOnlyDictionary<string, double> Selection,
    int MaxNominees);
