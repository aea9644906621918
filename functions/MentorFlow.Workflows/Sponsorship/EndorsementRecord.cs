using MentorFlow.Workflows.Approvals;

namespace MentorFlow.Workflows.Sponsorship;

/// <summary>The sponsor endorsed the program (input of <see cref="RecordEndorsementActivity"/>).</summary>
public sealed record EndorsementRecord(string ProgramId, ApprovalDecision Decision, DateTimeOffset At);
