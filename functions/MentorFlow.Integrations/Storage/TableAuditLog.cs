using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// The audit log in Azure Table Storage: one partition per program, rows ordered by time. The row key ends with a
/// hash of the entry, so appending the same entry twice (an activity retried, a replay) upserts one row.
/// </summary>
public sealed class TableAuditLog(MentorFlowTables tables) : IAuditLog
{
    /// <inheritdoc />
    public async Task AppendAsync(string programId, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await tables.EnsureCreatedAsync(cancellationToken);
        var rowKey = entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Fingerprint(entry);
        var entity = new TableEntity(programId, rowKey)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Details"] = entry.Details,
        };
        await tables.Audit.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string programId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId}");
        await foreach (var entity in tables.Audit.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(
                entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                entity.GetString("Actor"),
                entity.GetString("Action"),
                entity.GetString("Details")));
        }

        return entries;
    }

    private static string Fingerprint(AuditEntry entry)
    {
        var text = string.Join('\u001f', entry.Actor, entry.Action, entry.Details);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8).ToLowerInvariant();
    }
}
