using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Approvals a stage puts to one approver in one email (ids only; the approvals are prepared in storage).
/// <paramref name="OnTimeout"/> overrides the program's <c>approvals.onTimeout</c> for this batch (one of
/// <see cref="ApprovalTimeoutActions.All"/>), e.g. "decline" where silence means no (a pledge, a mentor invitation).
/// </summary>
public sealed record ApprovalBatch(string BatchId, ApprovalKind Kind, IReadOnlyList<string> ApprovalIds, Person? Approver, string? OnTimeout = null);
