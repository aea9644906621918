namespace MentorFlow.Workflows.Approvals;

/// <summary>External events an approval orchestration waits for, and where they are sent.</summary>
public static class ApprovalEvents
{
    /// <summary>A person decided (payload <see cref="ApprovalDecision"/>).</summary>
    public const string Decision = "ApprovalDecision";

    /// <summary>The request email bounced or was dropped (payload: the recipient's address): escalate at once.</summary>
    public const string Bounced = "ApprovalBounced";

    /// <summary>The approval orchestration's instance id: derived, so the link handler and the webhook can find it.</summary>
    public static string InstanceId(string programId, string approvalId) => $"{programId}-approval-{approvalId}";
}
