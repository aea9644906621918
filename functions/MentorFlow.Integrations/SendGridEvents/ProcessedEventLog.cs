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
    private readonly TableClient table = service.GetTableClient(options.Value.TablePrefix + "SendGridEvents");
    private readonly Lazy<Task> created = new(() => service.GetTableClient(options.Value.TablePrefix + "SendGridEvents").CreateIfNotExistsAsync());

    /// <summary>Marks the event as handled; false when it had been handled before.</summary>
    public async Task<bool> TryMarkAsync(string eventId, CancellationToken cancellationToken)
    {
        await created.Value;
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
