namespace MentorFlow.Workflows.Definitions;

/// <summary>How long an approver has to answer, when they are reminded, and what silence means.</summary>
/// <param name="Timeout">How long to wait for an answer.</param>
/// <param name="Reminders">When to remind, measured from the request; ascending and before the timeout.</param>
/// <param name="OnTimeout">One of <see cref="ApprovalTimeoutActions.All"/>.</param>
public sealed record ApprovalPolicy(IsoDuration Timeout, IReadOnlyList<IsoDuration> Reminders, string OnTimeout);
