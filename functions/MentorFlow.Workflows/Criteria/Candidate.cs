namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// One evaluated person with the whole explanation: every rule with its values and outcome, every metric, and — when
/// eligible — the score, rank and each weight's contribution. Nominated mentees are the top of the mentee ranking.
/// </summary>
public sealed record Candidate(
    string Email,
    string Name,
    CandidatePool Pool,
    bool Eligible,
    IReadOnlyList<RuleResult> Rules,
    IReadOnlyDictionary<string, object?> Metrics,
    double? Score,
    int? Rank,
    IReadOnlyList<Contribution> Contributions,
    bool Nominated);
