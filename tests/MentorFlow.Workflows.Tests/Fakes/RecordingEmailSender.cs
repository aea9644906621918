using System.Collections.Concurrent;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An <see cref="IEmailSender"/> that keeps what it was asked to send, once per idempotency key.</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, EmailMessage> sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. sent.Values];

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
