using Azure.Data.Tables;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// A table created on first use, once per process. A failed creation (storage briefly unreachable) is not remembered:
/// the next use tries again, so one hiccup at start-up does not break the adapter until a restart.
/// </summary>
internal sealed class LazyTable(TableClient table)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    /// <summary>The table, created if it did not exist yet.</summary>
    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return table;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await table.CreateIfNotExistsAsync(cancellationToken);
                created = true;
            }
        }
        finally
        {
            gate.Release();
        }

        return table;
    }
}
