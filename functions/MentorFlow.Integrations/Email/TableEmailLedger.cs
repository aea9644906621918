using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// Which emails (single or bulk: one row per idempotency key) were sent, in the table <c>&lt;TablePrefix&gt;EmailLedger</c> (created on first use):
/// PartitionKey = program id, RowKey = SHA-256 (hex) of the idempotency key; columns Key, Purpose,
/// State (<c>Sending</c> | <c>Sent</c>), MessageId and SentAt.
/// </summary>
public sealed class TableEmailLedger
{
    private const int MaxBeginAttempts = 5;
    private readonly LazyTable lazy;

    public TableEmailLedger(TableServiceClient service, IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Table = service.GetTableClient(options.Value.TablePrefix + "EmailLedger");
        lazy = new LazyTable(Table);
    }

    internal TableClient Table { get; }

    /// <summary>The ledger row of a key, or <c>null</c> when no send of it ever began.</summary>
    public async Task<EmailLedgerEntry?> GetAsync(string programId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, idempotencyKey, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>
    /// Begins a send: answers the row when the message was already <see cref="EmailLedgerState.Sent"/> (send nothing);
    /// otherwise records <see cref="EmailLedgerState.Sending"/> and answers <c>null</c> (send now). A row left
    /// <c>Sending</c> by an earlier attempt is taken over: that attempt's outcome is unknown, so the message goes again.
    /// </summary>
    public Task<EmailLedgerEntry?> BeginAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return BeginAsync(message.ProgramId, message.IdempotencyKey, message.Purpose, cancellationToken);
    }

    /// <summary>Begins a bulk send, exactly as <see cref="BeginAsync(EmailMessage, CancellationToken)"/>: one row for the batch's key.</summary>
    public Task<EmailLedgerEntry?> BeginAsync(BulkEmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return BeginAsync(message.ProgramId, message.IdempotencyKey, message.Purpose, cancellationToken);
    }

    /// <summary>Records that the provider accepted the message; final.</summary>
    public Task RecordSentAsync(EmailMessage message, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RecordSentAsync(message.ProgramId, message.IdempotencyKey, message.Purpose, messageId, sentAt, cancellationToken);
    }

    /// <summary>Records that the provider accepted the bulk message; final.</summary>
    public Task RecordSentAsync(BulkEmailMessage message, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RecordSentAsync(message.ProgramId, message.IdempotencyKey, message.Purpose, messageId, sentAt, cancellationToken);
    }

    private async Task<EmailLedgerEntry?> BeginAsync(string programId, string idempotencyKey, string purpose, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await GetEntityAsync(programId, idempotencyKey, cancellationToken);
            if (existing is not null && FromEntity(existing) is { State: EmailLedgerState.Sent } sent)
            {
                return sent;
            }

            var sending = ToEntity(programId, idempotencyKey, purpose, EmailLedgerState.Sending, messageId: null, sentAt: null);
            try
            {
                // Conditional writes so a Sent recorded in between is never turned back into Sending.
                if (existing is null)
                {
                    await Table.AddEntityAsync(sending, cancellationToken);
                }
                else
                {
                    await Table.UpdateEntityAsync(sending, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxBeginAttempts)
            {
                // Another send of the same key wrote first: read again to see whether it finished.
            }
        }
    }

    private async Task RecordSentAsync(
        string programId, string idempotencyKey, string purpose, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        await lazy.GetAsync(cancellationToken);
        await Table.UpsertEntityAsync(ToEntity(programId, idempotencyKey, purpose, EmailLedgerState.Sent, messageId, sentAt), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The RowKey of an idempotency key: its SHA-256 in lower-case hex (keys may hold characters RowKeys may not).</summary>
    internal static string RowKey(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    private async Task<TableEntity?> GetEntityAsync(string programId, string idempotencyKey, CancellationToken cancellationToken)
    {
        ValidatePartitionKey(programId);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await lazy.GetAsync(cancellationToken);
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(programId, RowKey(idempotencyKey), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(
        string programId, string idempotencyKey, string purpose, EmailLedgerState state, string? messageId, DateTimeOffset? sentAt)
    {
        ValidatePartitionKey(programId);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return new TableEntity(programId, RowKey(idempotencyKey))
        {
            ["Key"] = idempotencyKey,
            ["Purpose"] = purpose,
            ["State"] = state.ToString(),
            ["MessageId"] = messageId,
            ["SentAt"] = sentAt,
        };
    }

    private static EmailLedgerEntry FromEntity(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.GetString("Key") ?? "",
            entity.GetString("Purpose") ?? "",
            Enum.TryParse<EmailLedgerState>(entity.GetString("State"), out var state) ? state : EmailLedgerState.Sending,
            entity.GetString("MessageId"),
            entity.GetDateTimeOffset("SentAt"));

    private static void ValidatePartitionKey(string programId)
    {
        ArgumentException.ThrowIfNullOrEmpty(programId);
        if (programId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"A program id used as the ledger's PartitionKey may not contain / \\ # ? or control characters: '{programId}'.", nameof(programId));
        }
    }
}
