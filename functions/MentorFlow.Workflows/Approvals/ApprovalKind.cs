namespace MentorFlow.Workflows.Approvals;

/// <summary>What an approval is for; each kind has its own email and page text.</summary>
public enum ApprovalKind
{
    /// <summary>The program manager confirms the charter at the end of the Define stage.</summary>
    CharterConfirmation,
}
