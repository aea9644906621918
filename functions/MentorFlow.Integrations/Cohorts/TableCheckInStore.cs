using System.Text.Json;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Cohorts;

/// <summary>
/// Check-ins in Azure Table Storage: table <c>&lt;prefix&gt;CheckIns</c>, PartitionKey = program id, RowKey = check-in id
/// (<c>pilot-1-00003-mentee</c>: no personal data), the record as JSON in <see cref="LargeText"/> property <c>Json</c>.
/// Answers use the row's ETag, so of two submissions of one form only the first is kept.
/// </summary>
public sealed class TableCheckInStore(TableServiceClient service, IOptions<TableStorageOptions> options) : ICheckInStore
{
    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "CheckIns"));

    /// <inheritdoc />
    public async Task AddAsync(IReadOnlyList<CheckInRecord> checkIns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var table = await lazy.GetAsync(cancellationToken);
        foreach (var program in checkIns.GroupBy(c => c.ProgramId, StringComparer.Ordinal))
        {
            await TableRows.InsertMissingAsync(table, TableRows.Key(program.Key, nameof(CheckInRecord.ProgramId)), program.Select(ToEntity), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<CheckInRecord?> GetAsync(string programId, string checkInId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, checkInId, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public async Task<CheckInRecord> AnswerAsync(string programId, string checkInId, CheckInAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return await TableRows.ChangeAsync(
            await lazy.GetAsync(cancellationToken),
            programId,
            checkInId,
            FromEntity,
            ToEntity,
            current => current.Answered ? current : current with { Rating = answer.Rating, Comment = answer.Comment, RespondedAt = answer.At },
            $"Check-in {checkInId} of {programId} does not exist.",
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckInRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        await TableRows.ListPartitionAsync(await lazy.GetAsync(cancellationToken), programId, FromEntity, cancellationToken);

    private async Task<TableEntity?> GetEntityAsync(string programId, string checkInId, CancellationToken cancellationToken)
    {
        TableRows.Key(programId, nameof(programId));
        TableRows.Key(checkInId, nameof(checkInId));
        var table = await lazy.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(programId, checkInId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(CheckInRecord checkIn)
    {
        var entity = new TableEntity(
            TableRows.Key(checkIn.ProgramId, nameof(checkIn.ProgramId)),
            TableRows.Key(checkIn.CheckInId, nameof(checkIn.CheckInId)))
        {
            ["Stage"] = checkIn.Stage.ToString(),
            ["Round"] = checkIn.Round,
            ["Answered"] = checkIn.Answered,
        };
        LargeText.Write(entity, "Json", JsonSerializer.Serialize(checkIn, MentorFlowJson.Options));
        return entity;
    }

    private static CheckInRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<CheckInRecord>(LargeText.Read(entity, "Json"), MentorFlowJson.Options)
        ?? throw new InvalidDataException($"Check-in {entity.PartitionKey}/{entity.RowKey} is empty.");
}
