using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// The SendGrid events already handled (table <c>&lt;prefix&gt;SendGridEvents</c>, one row per <c>sg_event_id</c>):
/// SendGrid delivers at least once, so a repeated event must change nothing.
/// </summary>
public sealed class ProcessedEventLog(TableServiceClient service, IOptions<TableStorageOptions> options)
{
    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "SendGridEvents"));

    /// <summary>Marks the event as handled; false when it had been handled before.</summary>
    public async Task<bool> TryMarkAsync(string eventId, CancellationToken cancellationToken)
    {
        var table = await lazy.GetAsync(cancellationToken);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));
        try
        {
            await table.AddEntityAsync(new TableEntity(key, "") { ["EventId"] = eventId }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
