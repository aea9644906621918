namespace MentorFlow.Workflows.Definitions;

/// <summary>The allowed values of <c>approvals.onTimeout</c>: what happens when an approver never answers.</summary>
public static class ApprovalTimeoutActions
{
    /// <summary>Ask the approver's own manager instead.</summary>
    public const string Escalate = "escalate";

    /// <summary>Treat silence as consent.</summary>
    public const string Approve = "approve";

    /// <summary>Treat silence as refusal.</summary>
    public const string Decline = "decline";

    public static IReadOnlyList<string> All { get; } = [Escalate, Approve, Decline];
}
