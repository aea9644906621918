using System.Collections.Concurrent;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An <see cref="IEmailSender"/> that keeps what it was asked to send, once per idempotency key.</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, EmailMessage> sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. sent.Values];

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(sent.TryAdd(message.IdempotencyKey, message)
            ? new EmailSendResult(message.IdempotencyKey, AlreadySent: false)
            : new EmailSendResult(message.IdempotencyKey, AlreadySent: true));
}
