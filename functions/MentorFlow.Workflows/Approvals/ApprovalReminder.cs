namespace MentorFlow.Workflows.Approvals;

/// <summary>Input of <see cref="SendApprovalReminderActivity"/>.</summary>
public sealed record ApprovalReminder(string ProgramId, string ApprovalId, int Level, int Number, DateTimeOffset At);
