using System.Collections.Concurrent;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>An email sender that sends nothing and keeps every message it was handed, once per idempotency key (as the real ones do).</summary>
internal sealed class CountingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, EmailMessage> sent = new();
    private int attempts;

    /// <summary>Every message, once.</summary>
    public IReadOnlyList<EmailMessage> Sent => [.. sent.Values];

    /// <summary>Every call, repeats included.</summary>
    public int Attempts => attempts;

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref attempts);
        return Task.FromResult(new EmailSendResult(message.IdempotencyKey, AlreadySent: !sent.TryAdd(message.IdempotencyKey, message)));
    }
}
