using Azure;
using Azure.Data.Tables;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// What the cohort stores share: key checks, insert-if-missing, a partition read whole, a change under the row's ETag,
/// and transactions of at most 100 actions.
/// </summary>
internal static class TableRows
{
    /// <summary>A table transaction carries at most 100 actions, all in one partition.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Throws when <paramref name="key"/> cannot be a PartitionKey or RowKey: empty, or holding <c>/ \ # ?</c> or
    /// control characters (the service refuses them, or worse, mangles the URL of a point read).
    /// </summary>
    public static string Key(string key, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, what);
        if (key.Length > 512 || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"The {what} '{key}' cannot be a table key: at most 512 characters, without / \\ # ? or control characters.", what);
        }

        return key;
    }

    /// <summary>
    /// Inserts the entities (one partition) whose RowKey is not stored yet and leaves the others as they are; of two
    /// entities with one RowKey the first is taken. Missing rows go 100 to a transaction; when another writer inserts
    /// one of them in between, that chunk is inserted row by row instead.
    /// </summary>
    public static async Task InsertMissingAsync(TableClient table, string partitionKey, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            existing.Add(row.RowKey);
        }

        await AddInChunksAsync(table, [.. entities.Where(e => existing.Add(e.RowKey))], cancellationToken);
    }

    /// <summary>
    /// Adds the entities (one partition, distinct RowKeys) 100 to a transaction. A chunk that collides with a stored row
    /// (another writer was quicker) is added row by row instead, leaving the stored rows as they are.
    /// </summary>
    public static async Task AddInChunksAsync(TableClient table, IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var chunk in entities.Chunk(MaxTransactionActions))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                foreach (var entity in chunk)
                {
                    try
                    {
                        await table.AddEntityAsync(entity, cancellationToken);
                    }
                    catch (RequestFailedException conflict) when (conflict.Status == 409)
                    {
                        // Stored already: an existing row is never overwritten.
                    }
                }
            }
        }
    }

    /// <summary>Submits the actions (one partition) in transactions of at most 100.</summary>
    public static async Task SubmitInChunksAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var chunk in actions.Chunk(MaxTransactionActions))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Every row of a partition, read with <paramref name="read"/>, in RowKey order.</summary>
    public static async Task<IReadOnlyList<T>> ListPartitionAsync<T>(
        TableClient table, string partitionKey, Func<TableEntity, T> read, CancellationToken cancellationToken)
    {
        Key(partitionKey, nameof(partitionKey));
        var list = new List<T>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(read(entity));
        }

        return list;
    }

    /// <summary>
    /// Reads a row, applies <paramref name="change"/> and writes the result under the row's ETag, reading again and
    /// reapplying when another writer came first; returns what is stored. A change that returns its input unchanged
    /// (the same instance) writes nothing — that is how "the first answer wins" is said. A missing row throws
    /// <see cref="KeyNotFoundException"/> with <paramref name="missing"/>.
    /// </summary>
    public static async Task<T> ChangeAsync<T>(
        TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity, T> read,
        Func<T, TableEntity> write,
        Func<T, T> change,
        string missing,
        CancellationToken cancellationToken)
        where T : class
    {
        Key(partitionKey, nameof(partitionKey));
        Key(rowKey, nameof(rowKey));
        while (true)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            var entity = response.HasValue ? response.Value! : throw new KeyNotFoundException(missing);
            var current = read(entity);
            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                return current;
            }

            try
            {
                await table.UpdateEntityAsync(write(changed), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed in between (a form sent twice, a curation click): read again and reapply.
            }
        }
    }
}
