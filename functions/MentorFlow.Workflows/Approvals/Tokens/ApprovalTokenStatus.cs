namespace MentorFlow.Workflows.Approvals.Tokens;

/// <summary>The outcome of checking an approval link's token.</summary>
public enum ApprovalTokenStatus
{
    /// <summary>Signed by one of our keys and not yet expired.</summary>
    Valid,

    /// <summary>Not a token at all: wrong shape, bad encoding, or an unreadable payload.</summary>
    Malformed,

    /// <summary>Shaped like a token but not signed by any of our keys: tampered with, or from elsewhere.</summary>
    BadSignature,

    /// <summary>Signed by us but past its expiry.</summary>
    Expired,
}
