using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Integrations.Storage;

/// <summary>Programs in Azure Table Storage (see <see cref="MentorFlowTables"/> for the keys).</summary>
public sealed class TableProgramStore(MentorFlowTables tables) : IProgramStore
{
    private const string ProgramRow = "program";
    private const string DefinitionRow = "definition";
    private const string CharterRow = "charter";
    private const string RoleCharterRow = "rolecharter";
    private const string IndexPartition = "programs";
    private const int MaxUpdateAttempts = 20;

    /// <inheritdoc />
    public async Task CreateAsync(ProgramRecord program, ProgramDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(definition);
        await tables.EnsureCreatedAsync(cancellationToken);

        var definitionEntity = new TableEntity(program.Id, DefinitionRow);
        LargeText.Write(definitionEntity, "Json", StoredJson.Unescape(ProgramDefinitionJson.Serialize(definition)));

        // One partition, one transaction: a program never exists without its definition.
        await tables.Programs.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(program)),
                new TableTransactionAction(TableTransactionActionType.Add, definitionEntity),
            ],
            cancellationToken);
        await tables.ProgramIndex.UpsertEntityAsync(ToIndexEntity(program), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ProgramRecord?> GetAsync(string programId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, ProgramRow, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public async Task<ProgramDefinition?> GetDefinitionAsync(string programId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, DefinitionRow, cancellationToken);
        return entity is null ? null : ProgramDefinitionJson.Deserialize(LargeText.Read(entity, "Json"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProgramSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var list = new List<ProgramSummary>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition}");
        await foreach (var entity in tables.ProgramIndex.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new ProgramSummary(
                entity.GetString("Id"),
                entity.GetString("Name"),
                Enum.Parse<ProgramStatus>(entity.GetString("Status")),
                entity.GetString("Stage") is { Length: > 0 } stage ? Enum.Parse<StageName>(stage) : null,
                entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<ProgramRecord> UpdateAsync(
        string programId, Func<ProgramRecord, ProgramRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var entity = await GetEntityAsync(programId, ProgramRow, cancellationToken)
                ?? throw new KeyNotFoundException($"There is no program '{programId}'.");
            var current = FromEntity(entity);
            var updated = change(current);
            if (ReferenceEquals(updated, current))
            {
                return current;
            }

            if (updated.Id != programId)
            {
                throw new InvalidOperationException("A program update may not change the program's id.");
            }

            try
            {
                await tables.Programs.UpdateEntityAsync(ToEntity(updated), entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxUpdateAttempts)
            {
                // Someone else wrote in between (the orchestration and a cancel, say): read again and reapply.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
                continue;
            }

            await tables.ProgramIndex.UpsertEntityAsync(ToIndexEntity(updated), TableUpdateMode.Replace, cancellationToken);
            return updated;
        }
    }

    /// <inheritdoc />
    public async Task SaveCharterAsync(string programId, ProgramCharter charter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charter);
        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(programId, CharterRow);
        LargeText.Write(entity, "Json", StoredJson.Serialize(charter, ProgramDefinitionJson.Options));
        await tables.Programs.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ProgramCharter?> GetCharterAsync(string programId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, CharterRow, cancellationToken);
        return entity is null ? null : JsonSerializer.Deserialize<ProgramCharter>(LargeText.Read(entity, "Json"), ProgramDefinitionJson.Options);
    }

    /// <inheritdoc />
    public async Task SaveRolesAsync(string programId, RoleCharter charter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charter);
        await tables.EnsureCreatedAsync(cancellationToken);

        var actions = new List<TableTransactionAction>();
        foreach (var role in charter.Roles)
        {
            var roleEntity = new TableEntity(programId, "role-" + role.Role)
            {
                ["Role"] = role.Role,
            };
            LargeText.Write(roleEntity, "Responsibilities", StoredJson.Serialize(role.Responsibilities, ProgramDefinitionJson.Options));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, roleEntity));
        }

        var charterEntity = new TableEntity(programId, RoleCharterRow);
        LargeText.Write(charterEntity, "Roles", StoredJson.Serialize(charter.Roles, ProgramDefinitionJson.Options));
        LargeText.Write(charterEntity, "Html", charter.Html);
        LargeText.Write(charterEntity, "Text", charter.Text);
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, charterEntity));

        // A transaction carries at most 100 actions and 4 MB; a program has a handful of roles.
        await tables.Programs.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RoleCharter?> GetRoleCharterAsync(string programId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, RoleCharterRow, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var roles = JsonSerializer.Deserialize<IReadOnlyList<RoleDefinition>>(LargeText.Read(entity, "Roles"), ProgramDefinitionJson.Options) ?? [];
        return new RoleCharter(roles, LargeText.Read(entity, "Html"), LargeText.Read(entity, "Text"));
    }

    /// <inheritdoc />
    public async Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.Key)));
        var entity = new TableEntity(partition, "")
        {
            ["Key"] = claim.Key,
            ["ProgramId"] = claim.ProgramId,
            ["RequestHash"] = claim.RequestHash,
        };
        try
        {
            await tables.Idempotency.AddEntityAsync(entity, cancellationToken);
            return claim;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await tables.Idempotency.GetEntityAsync<TableEntity>(partition, "", cancellationToken: cancellationToken);
            return new IdempotencyClaim(
                existing.Value.GetString("Key"), existing.Value.GetString("ProgramId"), existing.Value.GetString("RequestHash"));
        }
    }

    private async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var response = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(ProgramRecord program)
    {
        var entity = new TableEntity(program.Id, ProgramRow)
        {
            ["Name"] = program.Name,
            ["Status"] = program.Status.ToString(),
            ["Stage"] = program.Stage?.ToString() ?? "",
            ["CreatedAt"] = program.CreatedAt,
        };
        LargeText.Write(entity, "Json", JsonSerializer.Serialize(program, MentorFlowJson.Options));
        return entity;
    }

    private static ProgramRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<ProgramRecord>(LargeText.Read(entity, "Json"), MentorFlowJson.Options)
        ?? throw new InvalidDataException($"Program row {entity.PartitionKey} is empty.");

    private static TableEntity ToIndexEntity(ProgramRecord program) =>
        new(IndexPartition, IndexRowKey(program))
        {
            ["Id"] = program.Id,
            ["Name"] = program.Name,
            ["Status"] = program.Status.ToString(),
            ["Stage"] = program.Stage?.ToString() ?? "",
            ["CreatedAt"] = program.CreatedAt,
        };

    private static string IndexRowKey(ProgramRecord program) =>
        (DateTimeOffset.MaxValue.UtcTicks - program.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + program.Id;
}
