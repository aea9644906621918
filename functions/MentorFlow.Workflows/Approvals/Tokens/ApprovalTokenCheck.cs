using System.Diagnostics.CodeAnalysis;

namespace MentorFlow.Workflows.Approvals.Tokens;

/// <summary>
/// The result of <see cref="ApprovalTokenService.Verify"/>. <see cref="Claims"/> is present when the token was
/// signed by us (<see cref="ApprovalTokenStatus.Valid"/> and <see cref="ApprovalTokenStatus.Expired"/>), so an
/// expired link's page can still say what expired; it is never present for a token we did not sign.
/// </summary>
public sealed record ApprovalTokenCheck(ApprovalTokenStatus Status, ApprovalTokenClaims? Claims)
{
    /// <summary>The token may be acted on (single use is still up to the approval's stored state).</summary>
    [MemberNotNullWhen(true, nameof(Claims))]
    public bool IsValid => Status == ApprovalTokenStatus.Valid && Claims is not null;

    public static ApprovalTokenCheck Valid(ApprovalTokenClaims claims) =>
        new(ApprovalTokenStatus.Valid, claims ?? throw new ArgumentNullException(nameof(claims)));

    public static ApprovalTokenCheck Expired(ApprovalTokenClaims claims) =>
        new(ApprovalTokenStatus.Expired, claims ?? throw new ArgumentNullException(nameof(claims)));

    public static ApprovalTokenCheck Malformed { get; } = new(ApprovalTokenStatus.Malformed, null);

    public static ApprovalTokenCheck BadSignature { get; } = new(ApprovalTokenStatus.BadSignature, null);
}
