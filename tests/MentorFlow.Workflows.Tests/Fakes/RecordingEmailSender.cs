using System.Collections.Concurrent;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An <see cref="IEmailSender"/> and <see cref="IBulkEmailSender"/> that keeps what it was asked to send, once per idempotency key.</summary>
internal sealed class RecordingEmailSender : IEmailSender, IBulkEmailSender
{
    private readonly ConcurrentDictionary<string, EmailMessage> sent = new();
    private readonly ConcurrentDictionary<string, BulkEmailMessage> bulk = new();

    public IReadOnlyList<EmailMessage> Sent => [.. sent.Values];

    public IReadOnlyList<BulkEmailMessage> SentBulk => [.. bulk.Values];

    public Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Recipients.Count, BulkEmailMessage.MaxRecipients);
        Interlocked.Increment(ref attempts);
        return FailWith is { } failure ? Task.FromException<EmailSendResult>(failure) : Task.FromResult(bulk.TryAdd(message.IdempotencyKey, message)
            ? new EmailSendResult(message.IdempotencyKey, AlreadySent: false)
            : new EmailSendResult(message.IdempotencyKey, AlreadySent: true));
    }

    /// <summary>When set, every send fails with this, as a provider's permanent refusal would.</summary>
    public Exception? FailWith { get; set; }

    public int Attempts => attempts;

    private int attempts;

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        return FailWith is { } failure ? Task.FromException<EmailSendResult>(failure) : Task.FromResult(sent.TryAdd(message.IdempotencyKey, message)
            ? new EmailSendResult(message.IdempotencyKey, AlreadySent: false)
            : new EmailSendResult(message.IdempotencyKey, AlreadySent: true));
    }
}
