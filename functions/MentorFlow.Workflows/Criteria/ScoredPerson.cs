namespace MentorFlow.Workflows.Criteria;

/// <summary>A person of an eligible pool with their score, rank (1 = best) and each weight's contribution.</summary>
public sealed record ScoredPerson(PersonMetrics Person, double Score, int Rank, IReadOnlyList<Contribution> Contributions);
