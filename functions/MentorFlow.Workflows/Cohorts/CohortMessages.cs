using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>Input of the Pilot and Rollout stages' orchestration.</summary>
public sealed record CohortInput(string ProgramId, StageName Stage);

/// <summary>How a cohort stage ended; for the pilot, whether the sponsor said go (rollout) or no-go (straight to Stories).</summary>
public sealed record CohortOutcome(StageResult Result, bool Go);

/// <summary>One step of a cohort stage, at the orchestration's time.</summary>
public sealed record CohortStep(string ProgramId, StageName Stage, DateTimeOffset At);

/// <summary>
/// What a matching run found (counts only) and the stage's schedule from the definition: how long it lasts and when
/// the check-ins are, both measured from the kickoff.
/// </summary>
public sealed record MatchSummary(int Mentees, int Pairs, int Unmatched, int MentorsAccepted, IsoDuration Duration, IReadOnlyList<IsoDuration> CheckIns);

/// <summary>Ask for more mentors: enough to take <paramref name="Unmatched"/> mentees.</summary>
public sealed record MentorInvite(string ProgramId, StageName Stage, int Unmatched, DateTimeOffset At);

/// <summary>One page of a stage's pairs (kickoff, check-ins), and the round (0: kickoff) and kickoff time.</summary>
public sealed record CohortPage(string ProgramId, StageName Stage, int Page, int Round, DateTimeOffset KickoffAt, DateTimeOffset At);

/// <summary>The pilot's lessons learned (counts) and the sponsor's go / no-go request.</summary>
public sealed record PilotReview(string Summary, IReadOnlyDictionary<string, int> Counts, ApprovalBatch GoNoGo);
