namespace MentorFlow.Workflows.Approvals;

/// <summary>What an approval is for; each kind has its own email wording.</summary>
public enum ApprovalKind
{
    /// <summary>The program manager confirms the charter at the end of the Define stage.</summary>
    CharterConfirmation,

    /// <summary>A sales leader approves or declines one nominated mentee (Criteria stage).</summary>
    Nomination,
}
