using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// The <see cref="IEmailSender"/> and <see cref="IBulkEmailSender"/> the workflows get: sends each
/// <see cref="EmailMessage.IdempotencyKey"/> (or <see cref="BulkEmailMessage.IdempotencyKey"/>, one per batch) once
/// through the provider, remembering sends in <see cref="TableEmailLedger"/>. A key already sent sends nothing and
/// answers <see cref="EmailSendResult.AlreadySent"/> with the stored message id.
/// </summary>
/// <remarks>
/// One window cannot be closed: the provider accepts the message and the process dies (or the ledger write fails)
/// before <c>Sent</c> is recorded. The row stays <c>Sending</c>, and the retried activity sends the message again —
/// a duplicate email, never a lost one. Two sends of one key running at the very same moment can likewise both send;
/// the ledger's conditional writes only guarantee that a recorded <c>Sent</c> is never undone. For a bulk email the
/// window is the same, and a duplicate is the whole batch again.
/// </remarks>
public sealed partial class IdempotentEmailSender : IEmailSender, IBulkEmailSender
{
    private readonly IEmailSender provider;
    private readonly IBulkEmailSender? bulkProvider;
    private readonly TableEmailLedger ledger;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public IdempotentEmailSender(IEmailSender provider, TableEmailLedger ledger, TimeProvider time, ILogger<IdempotentEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.provider = provider;
        bulkProvider = provider as IBulkEmailSender;
        this.ledger = ledger;
        this.time = time;
        this.logger = logger;
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ProgramId, nameof(message));

        var sent = await ledger.BeginAsync(message, cancellationToken);
        if (sent is not null)
        {
            LogAlreadySent(logger, message.ProgramId, message.Purpose, sent.MessageId ?? "");
            return new EmailSendResult(sent.MessageId ?? "", AlreadySent: true);
        }

        var result = await provider.SendAsync(message, cancellationToken);

        // The message is out: record it even if the caller is cancelling now, or the next attempt would send it again.
        // Should the process die right here, the row stays Sending and a retry resends (see the remarks above).
        await ledger.RecordSentAsync(message, result.MessageId, time.GetUtcNow(), CancellationToken.None);
        return result with { AlreadySent = false };
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No recipients, or more than <see cref="BulkEmailMessage.MaxRecipients"/>.</exception>
    /// <exception cref="NotSupportedException">The provider this wraps sends single emails only.</exception>
    public async Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ProgramId, nameof(message));

        // Checked before the ledger row is written, so a batch the provider would refuse leaves no Sending row behind.
        BulkEmailRecipients.Of(message);
        var bulk = bulkProvider
            ?? throw new NotSupportedException($"{provider.GetType().Name} does not send bulk email.");

        var sent = await ledger.BeginAsync(message, cancellationToken);
        if (sent is not null)
        {
            LogAlreadySent(logger, message.ProgramId, message.Purpose, sent.MessageId ?? "");
            return new EmailSendResult(sent.MessageId ?? "", AlreadySent: true);
        }

        var result = await bulk.SendBulkAsync(message, cancellationToken);

        // As for one email: the batch is out, so it is recorded even if the caller is cancelling now.
        await ledger.RecordSentAsync(message, result.MessageId, time.GetUtcNow(), CancellationToken.None);
        return result with { AlreadySent = false };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Purpose} email of program {ProgramId} was already sent (message id {MessageId}); not sending it again")]
    private static partial void LogAlreadySent(ILogger logger, string programId, string purpose, string messageId);
}
