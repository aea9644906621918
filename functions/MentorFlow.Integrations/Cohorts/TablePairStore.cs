using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Cohorts;

/// <summary>
/// Pairs in Azure Table Storage: table <c>&lt;prefix&gt;Pairs</c>, PartitionKey = program id, RowKey =
/// <c>{stage number:D2}-{stage}-{pair number:D5}</c> (e.g. <c>04-pilot-00003</c>), so a partition read lists Pilot
/// before Rollout, each by pair number, and one stage is a RowKey range. The record (with its explanation) is JSON in
/// <see cref="LargeText"/> property <c>Json</c>.
/// </summary>
public sealed class TablePairStore(TableServiceClient service, IOptions<TableStorageOptions> options) : IPairStore
{
    /// <summary>The highest pair number the five-digit RowKey keeps in order.</summary>
    public const int MaxPairNumber = 99_999;

    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "Pairs"));

    /// <inheritdoc />
    public async Task ReplaceAsync(string programId, StageName stage, IReadOnlyList<PairRecord> pairs, CancellationToken cancellationToken)
    {
        TableRows.Key(programId, nameof(programId));
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.FirstOrDefault(p => p.ProgramId != programId || p.Stage != stage) is { } stranger)
        {
            throw new ArgumentException(
                $"Pair {stranger.PairNumber} belongs to {stranger.ProgramId}/{stranger.Stage}, not to the {stage} stage of {programId}.", nameof(pairs));
        }

        var entities = pairs.Select(ToEntity).ToList();
        if (entities.GroupBy(e => e.RowKey).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Pair number {twice.First().GetInt32("PairNumber")} appears twice in the {stage} stage.", nameof(pairs));
        }

        var table = await lazy.GetAsync(cancellationToken);
        var kept = entities.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableEntity>();
        var prefix = StagePrefix(stage);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!kept.Contains(row.RowKey))
            {
                stale.Add(row);
            }
        }

        // Not one transaction when over 100 rows: a retried ReplaceAsync converges on the same rows.
        await TableRows.SubmitInChunksAsync(
            table,
            entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                .Concat(stale.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All))),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task SaveAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var entity = ToEntity(pair);
        var table = await lazy.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PairRecord>> ListAsync(string programId, CancellationToken cancellationToken) =>
        await TableRows.ListPartitionAsync(await lazy.GetAsync(cancellationToken), programId, FromEntity, cancellationToken);

    /// <summary>The RowKey of a pair: stage number and name, then the pair number, e.g. <c>04-pilot-00003</c>.</summary>
    internal static string RowKey(StageName stage, int pairNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pairNumber, MaxPairNumber);
        return StagePrefix(stage) + pairNumber.ToString("D5", CultureInfo.InvariantCulture);
    }

    private static string StagePrefix(StageName stage) =>
        ((int)stage).ToString("D2", CultureInfo.InvariantCulture) + "-" + stage.ToString().ToLowerInvariant() + "-";

    private static TableEntity ToEntity(PairRecord pair)
    {
        var entity = new TableEntity(TableRows.Key(pair.ProgramId, nameof(pair.ProgramId)), RowKey(pair.Stage, pair.PairNumber))
        {
            ["Stage"] = pair.Stage.ToString(),
            ["PairNumber"] = pair.PairNumber,
            ["Matched"] = pair.IsMatched,
        };
        LargeText.Write(entity, "Json", JsonSerializer.Serialize(pair, MentorFlowJson.Options));
        return entity;
    }

    private static PairRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<PairRecord>(LargeText.Read(entity, "Json"), MentorFlowJson.Options)
        ?? throw new InvalidDataException($"Pair {entity.PartitionKey}/{entity.RowKey} is empty.");
}
