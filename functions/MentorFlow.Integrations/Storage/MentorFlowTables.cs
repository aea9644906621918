using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// MentorFlow's tables, created once per process on first use. Keys are designed for the API's reads:
/// a program's rows share its partition (point reads), the programs list is one partition read newest first,
/// the audit log is one partition ordered by time.
/// </summary>
public sealed class MentorFlowTables
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    public MentorFlowTables(TableServiceClient service, IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.Value.TablePrefix;
        Programs = service.GetTableClient(prefix + "Programs");
        ProgramIndex = service.GetTableClient(prefix + "ProgramIndex");
        Audit = service.GetTableClient(prefix + "Audit");
        Idempotency = service.GetTableClient(prefix + "Idempotency");
    }

    /// <summary>PartitionKey = program id; rows <c>program</c>, <c>definition</c>, <c>charter</c>, <c>rolecharter</c>, <c>role-{name}</c>.</summary>
    public TableClient Programs { get; }

    /// <summary>PartitionKey = <c>programs</c>; RowKey = inverted creation ticks + id, so a partition read is newest first.</summary>
    public TableClient ProgramIndex { get; }

    /// <summary>PartitionKey = program id; RowKey = ticks + a hash of the entry, so identical appends coincide.</summary>
    public TableClient Audit { get; }

    /// <summary>PartitionKey = SHA-256 of the Idempotency-Key; one row each.</summary>
    public TableClient Idempotency { get; }

    /// <summary>Creates the tables if they do not exist yet; cheap after the first successful call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                foreach (var table in new[] { Programs, ProgramIndex, Audit, Idempotency })
                {
                    await table.CreateIfNotExistsAsync(cancellationToken);
                }

                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
