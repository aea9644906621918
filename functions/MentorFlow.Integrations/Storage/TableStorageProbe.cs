using Azure.Data.Tables;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Integrations.Storage;

/// <summary>Readiness of MentorFlow's tables: they exist (created on first use) and one authenticated query answers.</summary>
public sealed class TableStorageProbe(MentorFlowTables tables) : IStorageProbe
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);

        // One page of at most one key from a partition no row uses: a real signed round trip that reads nothing.
        var query = tables.ProgramIndex.QueryAsync<TableEntity>(
            filter: "PartitionKey eq 'health-probe'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken);
        await foreach (var _ in query.AsPages().WithCancellation(cancellationToken))
        {
            break;
        }
    }
}
