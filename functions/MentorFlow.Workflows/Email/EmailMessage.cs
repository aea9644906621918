namespace MentorFlow.Workflows.Email;

/// <summary>
/// One email to send. <see cref="IdempotencyKey"/> is stable per program, purpose and recipient, so a retried or
/// replayed activity sends it once; it and <see cref="ProgramId"/> travel with the message (SendGrid custom_args)
/// so delivery events can be matched back. Neither may hold personal data.
/// </summary>
public sealed record EmailMessage(
    string ProgramId,
    string Purpose,
    string IdempotencyKey,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    string Subject,
    string Html,
    string Text);
