namespace MentorFlow.Workflows.Approvals;

/// <summary>External events an approval orchestration waits for, and where they are sent.</summary>
public static class ApprovalEvents
{
    /// <summary>The request email bounced or was dropped (payload: the recipient's address): escalate at once.</summary>
    public const string Bounced = "ApprovalBounced";

    /// <summary>A person decided one approval of a batch (payload <see cref="ApprovalDecision"/>); one event name per approval.</summary>
    public static string DecisionFor(string approvalId) => "ApprovalDecision:" + approvalId;

    /// <summary>The instance id of a batch's approval orchestration: derived, so it is the same on every replay.</summary>
    public static string InstanceId(string programId, string batchId) => $"{programId}-approval-{batchId}";
}
