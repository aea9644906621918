namespace MentorFlow.Workflows.Definitions;

/// <summary>How mentees and mentors are chosen.</summary>
/// <param name="PerformanceWindow">How far back performance data is read; P12M when not given.</param>
/// <param name="Mentee">Mentee eligibility and selection.</param>
/// <param name="Mentor">Mentor eligibility and selection.</param>
/// <param name="NominationApprover">One of <see cref="NominationApprovers.All"/>.</param>
public sealed record CriteriaDefinition(
    IsoDuration PerformanceWindow,
    MenteeCriteria Mentee,
    MentorCriteria Mentor,
    string NominationApprover);
