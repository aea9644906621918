namespace MentorFlow.Workflows.Approvals;

/// <summary>Input of <see cref="SendApprovalReminderActivity"/>: the approvals of the batch still open.</summary>
public sealed record ApprovalReminder(string ProgramId, string BatchId, IReadOnlyList<string> ApprovalIds, int Level, int Number, DateTimeOffset At);
