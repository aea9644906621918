using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Cohorts;

/// <summary>
/// Stories in Azure Table Storage: table <c>&lt;prefix&gt;Stories</c>, PartitionKey = program id, RowKey = story id
/// (<c>0000-sponsor</c>, <c>0001-mentee</c>, …: the sponsor's first), the record as JSON in <see cref="LargeText"/>
/// property <c>Json</c>; submissions and curation use the row's ETag, so the first submission wins and a status change
/// never undoes one. Next-cohort candidates have a table of their own, <c>&lt;prefix&gt;NextCohort</c>: PartitionKey =
/// program id, RowKey = position in the saved list (<c>000000</c>, <c>000001</c>, …), never an email.
/// </summary>
public sealed class TableStoryStore(TableServiceClient service, IOptions<TableStorageOptions> options) : IStoryStore
{
    /// <summary>The most candidates the six-digit RowKey keeps in order.</summary>
    public const int MaxNextCohort = 1_000_000;

    private readonly LazyTable storyTable = new(service.GetTableClient(options.Value.TablePrefix + "Stories"));
    private readonly LazyTable nextCohortTable = new(service.GetTableClient(options.Value.TablePrefix + "NextCohort"));

    /// <inheritdoc />
    public async Task AddAsync(IReadOnlyList<StoryRecord> stories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var table = await storyTable.GetAsync(cancellationToken);
        foreach (var program in stories.GroupBy(s => s.ProgramId, StringComparer.Ordinal))
        {
            await TableRows.InsertMissingAsync(table, TableRows.Key(program.Key, nameof(StoryRecord.ProgramId)), program.Select(ToEntity), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<StoryRecord?> GetAsync(string programId, string storyId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(programId, storyId, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public Task<StoryRecord> SubmitAsync(string programId, string storyId, StorySubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return ChangeAsync(
            programId,
            storyId,
            current => current.SubmittedAt is not null
                ? current
                : current with
                {
                    Story = submission.Story,
                    BestPractice = submission.BestPractice,
                    ConsentToShare = submission.ConsentToShare,
                    Suggestion = submission.Suggestion,
                    SubmittedAt = submission.At,
                    Status = StoryStatus.Submitted,
                },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoryRecord> SetStatusAsync(string programId, string storyId, StoryStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(programId, storyId, current => current.Status == status ? current : current with { Status = status }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        await TableRows.ListPartitionAsync(await storyTable.GetAsync(cancellationToken), programId, FromEntity, cancellationToken);

    /// <inheritdoc />
    public async Task SaveNextCohortAsync(string programId, IReadOnlyList<NextCohortCandidate> candidates, CancellationToken cancellationToken)
    {
        TableRows.Key(programId, nameof(programId));
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(candidates.Count, MaxNextCohort, nameof(candidates));
        var table = await nextCohortTable.GetAsync(cancellationToken);

        // The rows past the new list's end go; the others are overwritten in place. Over 100 rows this is several
        // transactions, and a retried save converges on the same rows.
        var stale = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId} and RowKey ge {Position(candidates.Count)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            stale.Add(row);
        }

        await TableRows.SubmitInChunksAsync(
            table,
            candidates.Select((c, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(programId, Position(i))
                {
                    ["Json"] = JsonSerializer.Serialize(c, MentorFlowJson.Options),
                }))
                .Concat(stale.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All))),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NextCohortCandidate>> ListNextCohortAsync(string programId, CancellationToken cancellationToken)
    {
        TableRows.Key(programId, nameof(programId));
        var table = await nextCohortTable.GetAsync(cancellationToken);
        var list = new List<NextCohortCandidate>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize<NextCohortCandidate>(entity.GetString("Json"), MentorFlowJson.Options)
                ?? throw new InvalidDataException($"Next-cohort candidate {programId}/{entity.RowKey} is empty."));
        }

        return list;
    }

    private async Task<StoryRecord> ChangeAsync(string programId, string storyId, Func<StoryRecord, StoryRecord> change, CancellationToken cancellationToken) =>
        await TableRows.ChangeAsync(
            await storyTable.GetAsync(cancellationToken), programId, storyId, FromEntity, ToEntity, change,
            $"Story {storyId} of {programId} does not exist.", cancellationToken);

    private async Task<TableEntity?> GetEntityAsync(string programId, string storyId, CancellationToken cancellationToken)
    {
        TableRows.Key(programId, nameof(programId));
        TableRows.Key(storyId, nameof(storyId));
        var table = await storyTable.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(programId, storyId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string Position(int index) => index.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(StoryRecord story)
    {
        var entity = new TableEntity(
            TableRows.Key(story.ProgramId, nameof(story.ProgramId)),
            TableRows.Key(story.StoryId, nameof(story.StoryId)))
        {
            ["Role"] = story.Role,
            ["Status"] = story.Status.ToString(),
        };
        LargeText.Write(entity, "Json", JsonSerializer.Serialize(story, MentorFlowJson.Options));
        return entity;
    }

    private static StoryRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<StoryRecord>(LargeText.Read(entity, "Json"), MentorFlowJson.Options)
        ?? throw new InvalidDataException($"Story {entity.PartitionKey}/{entity.RowKey} is empty.");
}
