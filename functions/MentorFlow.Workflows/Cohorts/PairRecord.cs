using MentorFlow.Workflows.Matching;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// One mentee of a Pilot or Rollout cohort and the mentor the matching gave them — or, when none could be found, why
/// (<see cref="MentorEmail"/> null and <see cref="UnmatchedReason"/> set: unmatched mentees are listed, never dropped).
/// <see cref="PairNumber"/> numbers the stage's pairs from 1 in mentee order; check-in ids and email keys use it.
/// </summary>
public sealed record PairRecord
{
    public required string ProgramId { get; init; }
    public required StageName Stage { get; init; }
    public required int PairNumber { get; init; }
    public required string MenteeEmail { get; init; }
    public required string MenteeName { get; init; }
    public string? MentorEmail { get; init; }
    public string? MentorName { get; init; }

    /// <summary>Σ weight × factor value / Σ weight, 0–1; 0 when unmatched.</summary>
    public double Compatibility { get; init; }

    /// <summary>Each matching factor's weight, value and contribution to <see cref="Compatibility"/>.</summary>
    public IReadOnlyList<CompatibilityPart> Explanation { get; init; } = [];

    /// <summary>Why no mentor was found; null for a pair.</summary>
    public string? UnmatchedReason { get; init; }

    public required DateTimeOffset MatchedAt { get; init; }

    /// <summary>When the kickoff email went out; null before.</summary>
    public DateTimeOffset? KickedOffAt { get; init; }

    public bool IsMatched => MentorEmail is not null;
}
