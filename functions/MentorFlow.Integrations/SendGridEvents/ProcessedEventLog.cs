using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// What the SendGrid webhook already handled (table <c>&lt;prefix&gt;SendGridEvents</c>, one row per key): each event,
/// by its <c>sg_event_id</c> or, where it has none, by its content; and each sent email that bounced. SendGrid delivers
/// at least once, so a repeated event must change nothing, and one email bounces once however SendGrid reports it.
/// </summary>
public sealed class ProcessedEventLog(TableServiceClient service, IOptions<TableStorageOptions> options)
{
    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "SendGridEvents"));

    /// <summary>
    /// The key an event is handled once by: its <c>sg_event_id</c>; without one, a hash of every field MentorFlow reads
    /// (type, recipient, time, message id, reason, bounce type, custom args), so a batch delivered again is recognised.
    /// </summary>
    public static string EventKey(SendGridEvent sendGridEvent)
    {
        ArgumentNullException.ThrowIfNull(sendGridEvent);
        if (sendGridEvent.EventId is { Length: > 0 } eventId)
        {
            return eventId;
        }

        // A JSON array of the fields: unambiguous (no separator can be forged inside a value) and stable.
        var fields = JsonSerializer.Serialize(new[]
        {
            sendGridEvent.EventType,
            sendGridEvent.Email,
            sendGridEvent.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            sendGridEvent.MessageId,
            sendGridEvent.Reason,
            sendGridEvent.BounceType,
            sendGridEvent.MentorFlowKey,
            sendGridEvent.MentorFlowProgram,
        });
        return "content:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fields)));
    }

    /// <summary>The key of one sent email's bounce: its idempotency key (per recipient and purpose) and the recipient.</summary>
    public static string BounceKey(string emailKey, string recipient) =>
        $"bounce:{emailKey}|{recipient.ToUpperInvariant()}";

    /// <summary>Marks the key as handled; false when it had been handled before.</summary>
    public async Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken)
    {
        var table = await lazy.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(RowKeyOf(key), "") { ["EventId"] = key }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="handle"/> once per key: not at all when the key was handled before (false); when it
    /// throws, the mark is taken back, so SendGrid's retry of the batch handles it.
    /// </summary>
    public async Task<bool> OnceAsync(string key, Func<Task<bool>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!await TryMarkAsync(key, cancellationToken))
        {
            return false;
        }

        try
        {
            return await handle();
        }
        catch
        {
            var table = await lazy.GetAsync(CancellationToken.None);
            await table.DeleteEntityAsync(RowKeyOf(key), "", ETag.All, CancellationToken.None);
            throw;
        }
    }

    // Hashed: keys hold characters a table key may not ('/', '#', '?') and may be long.
    private static string RowKeyOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
