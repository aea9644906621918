namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// A candidate as <c>GET /api/programs/{id}/candidates</c> shows it: rules with pass/fail and detail, every metric,
/// the score with each weight's contribution, the rank, and — for nominees — the sales leader's decision.
/// </summary>
public sealed record CandidateView(
    string Email,
    string Name,
    string Pool,
    bool Eligible,
    IReadOnlyList<RuleResult> Rules,
    IReadOnlyDictionary<string, object?> Metrics,
    double? Score,
    int? Rank,
    IReadOnlyList<Contribution> Contributions,
    bool Nominated,
    string? Decision)
{
    public static CandidateView From(Candidate candidate, string? decision = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new(
            candidate.Email, candidate.Name, candidate.Pool == CandidatePool.Mentee ? "mentee" : "mentor", candidate.Eligible,
            candidate.Rules, candidate.Metrics, candidate.Score, candidate.Rank, candidate.Contributions, candidate.Nominated, decision);
    }
}
