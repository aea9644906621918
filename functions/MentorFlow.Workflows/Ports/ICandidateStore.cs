using MentorFlow.Workflows.Criteria;

namespace MentorFlow.Workflows.Ports;

/// <summary>Where a program's evaluated candidates are kept (never in orchestration history).</summary>
public interface ICandidateStore
{
    /// <summary>Stores the candidates (mentees by rank then the ineligible, then mentors by rank).</summary>
    Task SaveAsync(string programId, IReadOnlyList<CandidateView> candidates, CancellationToken cancellationToken);

    /// <summary>A page of candidates in that order, and how many there are in all.</summary>
    Task<(int Total, IReadOnlyList<CandidateView> Items)> ListAsync(string programId, int skip, int top, CancellationToken cancellationToken);
}
