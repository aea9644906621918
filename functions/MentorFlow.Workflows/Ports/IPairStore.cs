using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Ports;

/// <summary>Where the Pilot and Rollout cohorts' pairs (and unmatched mentees) are kept.</summary>
public interface IPairStore
{
    /// <summary>Replaces a stage's pairs with these (matching runs again while mentors are still being invited).</summary>
    Task ReplaceAsync(string programId, StageName stage, IReadOnlyList<PairRecord> pairs, CancellationToken cancellationToken);

    /// <summary>Stores a changed pair (its kickoff time), keyed by program, stage and pair number.</summary>
    Task SaveAsync(PairRecord pair, CancellationToken cancellationToken);

    /// <summary>Every pair of the program: Pilot before Rollout, each by pair number.</summary>
    Task<IReadOnlyList<PairRecord>> ListAsync(string programId, CancellationToken cancellationToken);
}
