namespace MentorFlow.Workflows.Approvals;

/// <summary>A decision on an approval: by a person through a link, or by the program's timeout policy.</summary>
/// <param name="Approved">True to approve, false to decline.</param>
/// <param name="DecidedBy">The approver's email, or "system" for a timeout policy.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Comment">The approver's optional comment, or the policy's explanation.</param>
/// <param name="Via">How: "link", "timeout" or "bounce" (a batch whose own policy covers a bounced request).</param>
public sealed record ApprovalDecision(bool Approved, string DecidedBy, DateTimeOffset DecidedAt, string? Comment, string Via);
