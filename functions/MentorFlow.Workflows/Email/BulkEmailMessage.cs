namespace MentorFlow.Workflows.Email;

/// <summary>
/// One message for many recipients who must not see each other (a digest): each gets their own copy. The
/// idempotency key names the batch (stable per program, purpose and batch number); it and the program id travel with
/// the message as with <see cref="EmailMessage"/>, and may not hold personal data.
/// </summary>
public sealed record BulkEmailMessage(
    string ProgramId,
    string Purpose,
    string IdempotencyKey,
    IReadOnlyList<EmailAddress> Recipients,
    string Subject,
    string Html,
    string Text)
{
    /// <summary>SendGrid's limit of personalizations per mail send request.</summary>
    public const int MaxRecipients = 1000;
}
