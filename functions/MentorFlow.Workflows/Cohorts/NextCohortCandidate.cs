namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// Someone suggested for the next cohort: an eligible mentee who was ranked but not nominated
/// (<see cref="Source"/> "ranked", with the rank), or a colleague suggested by one of the strongest check-in performers
/// ("suggested", with who suggested them). <see cref="ApproverEmail"/> is the leader told about them.
/// </summary>
public sealed record NextCohortCandidate(
    string Email,
    string Name,
    string Source,
    int? Rank,
    string? SuggestedBy,
    string? ApproverEmail);
