using System.Text.Json.Serialization;

namespace MentorFlow.Workflows.Approvals;

/// <summary>
/// Payload of <see cref="ApprovalEvents.Bounced"/>: the address an approval email bounced from, and the escalation
/// level it was sent at (from its <see cref="ApprovalEmailKey"/>). The orchestration counts a bounce only for the
/// level it waits at and that level's approver, so a bounce delivered again, late, or for an earlier level passes
/// nothing on.
/// </summary>
/// <param name="Email">The recipient whose email bounced.</param>
/// <param name="Level">The level the email was sent at; null only in histories from before bounces carried it.</param>
[JsonConverter(typeof(ApprovalBounceJsonConverter))]
public sealed record ApprovalBounce(string Email, int? Level)
{
    /// <summary>
    /// Whether this bounce is of the request the orchestration now waits on. A bounce without a level (the bare
    /// address raised before) counts as it did then, so an orchestration running since then replays as it ran.
    /// </summary>
    public bool IsFor(string approverEmail, int level) =>
        Level is null || (Level == level && Email.Equals(approverEmail, StringComparison.OrdinalIgnoreCase));
}
