using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Integrations.Approvals;

/// <summary>
/// Approvals in Azure Table Storage: table <c>&lt;prefix&gt;Approvals</c>, PartitionKey = program id, RowKey = approval id.
/// Decisions use the row's ETag, so two clicks (or a click and a timeout) cannot both win.
/// </summary>
public sealed class TableApprovalStore(TableServiceClient service, Microsoft.Extensions.Options.IOptions<TableStorageOptions> options) : IApprovalStore
{
    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "Approvals"));

    /// <inheritdoc />
    public async Task SaveAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var table = await lazy.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(ToEntity(approval), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ApprovalRecord?> GetAsync(string programId, string approvalId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, approvalId, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApprovalRecord>> ListAsync(string programId, CancellationToken cancellationToken)
    {
        var table = await lazy.GetAsync(cancellationToken);
        var list = new List<ApprovalRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(FromEntity(entity));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<ApprovalRecord> DecideAsync(
        string programId, string approvalId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        while (true)
        {
            var entity = await GetEntityAsync(programId, approvalId, cancellationToken)
                ?? throw new KeyNotFoundException($"Approval {approvalId} of {programId} does not exist.");
            var current = FromEntity(entity);
            if (current.Status != ApprovalStatus.Pending)
            {
                return current;
            }

            var decided = current with
            {
                Status = decision.Approved ? ApprovalStatus.Approved : ApprovalStatus.Declined,
                DecidedBy = decision.DecidedBy,
                DecidedAt = decision.DecidedAt,
                Comment = decision.Comment,
                Via = decision.Via,
            };
            try
            {
                var table = await lazy.GetAsync(cancellationToken);
                await table.UpdateEntityAsync(ToEntity(decided), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return decided;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed in between (another click, an escalation): read again.
            }
        }
    }

    private async Task<TableEntity?> GetEntityAsync(string programId, string approvalId, CancellationToken cancellationToken)
    {
        var table = await lazy.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(programId, approvalId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    // The charter confirmation's description is the whole charter, longer than one property holds: chunked.
    private static TableEntity ToEntity(ApprovalRecord approval)
    {
        var entity = new TableEntity(approval.ProgramId, approval.ApprovalId)
        {
            ["Status"] = approval.Status.ToString(),
        };
        LargeText.Write(entity, "Json", StoredJson.Serialize(approval, MentorFlowJson.Options));
        return entity;
    }

    // Rows written before the JSON was chunked hold it in one "Json" property.
    private static ApprovalRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<ApprovalRecord>(
            entity.ContainsKey("JsonChunks") ? LargeText.Read(entity, "Json") : entity.GetString("Json"), MentorFlowJson.Options)
        ?? throw new InvalidDataException($"Approval {entity.PartitionKey}/{entity.RowKey} is empty.");
}
