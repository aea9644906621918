namespace MentorFlow.Workflows.Approvals;

/// <summary>What an approval is for; each kind has its own email wording.</summary>
public enum ApprovalKind
{
    /// <summary>The program manager confirms the charter at the end of the Define stage.</summary>
    CharterConfirmation,

    /// <summary>A sales leader approves or declines one nominated mentee (Criteria stage).</summary>
    Nomination,

    /// <summary>The executive sponsor endorses the program; approving requires a message, the program's first story (Sponsorship stage).</summary>
    Endorsement,

    /// <summary>A sales leader pledges support to the endorsed program (approve = pledge); silence is no pledge.</summary>
    Pledge,

    /// <summary>An eligible mentor is invited to mentor (approve = accept); silence is a decline (Pilot and Rollout stages).</summary>
    MentorInvitation,

    /// <summary>The sponsor decides, from the pilot's lessons learned, whether the full rollout goes ahead (approve = go).</summary>
    GoNoGo,

    /// <summary>The program manager curates a participant's story (approve = publish it in the digest).</summary>
    StoryCuration,
}
