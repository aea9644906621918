namespace MentorFlow.Workflows.Programs;

/// <summary>One line of a program's append-only audit log.</summary>
/// <param name="At">When it happened (orchestration time for workflow steps, so a replay writes the same line).</param>
/// <param name="Actor">Who did it: "system", the API caller, a participant's email.</param>
/// <param name="Action">A stable verb such as <c>ProgramSubmitted</c> or <c>StageCompleted</c>.</param>
/// <param name="Details">A human sentence.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Details);
