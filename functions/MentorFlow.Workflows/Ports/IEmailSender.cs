using MentorFlow.Workflows.Email;

namespace MentorFlow.Workflows.Ports;

/// <summary>
/// Sends email, once per <see cref="EmailMessage.IdempotencyKey"/>: a second send with a key already sent sends
/// nothing and answers <see cref="EmailSendResult.AlreadySent"/>. Transient provider failures are retried inside;
/// a permanent one throws <see cref="EmailSendException"/>.
/// </summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
