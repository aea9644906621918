namespace MentorFlow.Workflows.Approvals;

/// <summary>External events an approval orchestration waits for, and where they are sent.</summary>
public static class ApprovalEvents
{
    /// <summary>
    /// An approval email bounced or was dropped (payload <see cref="ApprovalBounce"/>: the address and the level it was
    /// sent at): escalate at once, if it is the request of the current level.
    /// </summary>
    public const string Bounced = "ApprovalBounced";

    /// <summary>A person decided one approval of a batch (payload <see cref="ApprovalDecision"/>); one event name per approval.</summary>
    public static string DecisionFor(string approvalId) => "ApprovalDecision:" + approvalId;

    /// <summary>The instance id of a batch's approval orchestration: derived, so it is the same on every replay.</summary>
    public static string InstanceId(string programId, string batchId) => $"{programId}-approval-{batchId}";
}
