using MentorFlow.Workflows.Email;

namespace MentorFlow.Workflows.Ports;

/// <summary>
/// Sends one message to many people, each receiving their own copy (SendGrid: one API request with one
/// personalization per recipient), once per <see cref="BulkEmailMessage.IdempotencyKey"/>. At most
/// <see cref="BulkEmailMessage.MaxRecipients"/> recipients per call: callers batch.
/// </summary>
public interface IBulkEmailSender
{
    Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken);
}
