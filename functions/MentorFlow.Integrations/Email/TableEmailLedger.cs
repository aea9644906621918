using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// Which emails were sent, in the table <c>&lt;TablePrefix&gt;EmailLedger</c> (created on first use):
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
    public async Task<EmailLedgerEntry?> BeginAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await GetEntityAsync(message.ProgramId, message.IdempotencyKey, cancellationToken);
            if (existing is not null && FromEntity(existing) is { State: EmailLedgerState.Sent } sent)
            {
                return sent;
            }

            var sending = ToEntity(message, EmailLedgerState.Sending, messageId: null, sentAt: null);
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

    /// <summary>Records that the provider accepted the message; final.</summary>
    public async Task RecordSentAsync(EmailMessage message, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageId);
        await lazy.GetAsync(cancellationToken);
        await Table.UpsertEntityAsync(ToEntity(message, EmailLedgerState.Sent, messageId, sentAt), TableUpdateMode.Replace, cancellationToken);
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

    private static TableEntity ToEntity(EmailMessage message, EmailLedgerState state, string? messageId, DateTimeOffset? sentAt)
    {
        ValidatePartitionKey(message.ProgramId);
        ArgumentException.ThrowIfNullOrEmpty(message.IdempotencyKey, nameof(message));
        return new TableEntity(message.ProgramId, RowKey(message.IdempotencyKey))
        {
            ["Key"] = message.IdempotencyKey,
            ["Purpose"] = message.Purpose,
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
