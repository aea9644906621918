using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Criteria;

/// <summary>
/// Candidates in Azure Table Storage: table <c>&lt;prefix&gt;Candidates</c>, PartitionKey = program id, RowKey = the
/// candidate's position in the order the API lists them (eligible mentees by rank, other mentees by email, then mentors
/// by rank), zero-padded, written 100 to a transaction, and one row (<c>count</c>) holding how many there are. A page is
/// then a range query over row keys and the total a point read — never a scan of the program's tens of thousands of rows.
/// </summary>
public sealed class TableCandidateStore(TableServiceClient service, IOptions<TableStorageOptions> options) : ICandidateStore
{
    private const string CountRow = "count";

    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "Candidates"));

    /// <inheritdoc />
    public async Task SaveAsync(string programId, IReadOnlyList<CandidateView> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var table = await lazy.GetAsync(cancellationToken);
        var position = 0;
        foreach (var chunk in candidates.OrderBy(Group).ThenBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.Email.ToLowerInvariant(), StringComparer.Ordinal).Chunk(100))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(programId, RowKey(position++))
                {
                    ["Json"] = JsonSerializer.Serialize(c, MentorFlowJson.Options),
                })),
                cancellationToken);
        }

        // Written last: a reader sees the count only once every row it counts is there.
        await table.UpsertEntityAsync(new TableEntity(programId, CountRow) { ["Total"] = candidates.Count }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<(int Total, IReadOnlyList<CandidateView> Items)> ListAsync(string programId, int skip, int top, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var table = await lazy.GetAsync(cancellationToken);
        var count = await table.GetEntityIfExistsAsync<TableEntity>(programId, CountRow, ["Total"], cancellationToken);
        if (!count.HasValue || count.Value is null)
        {
            return (0, []);
        }

        var total = count.Value.GetInt32("Total") ?? 0;
        var items = new List<CandidateView>(Math.Min(top, Math.Max(0, total - skip)));
        if (top == 0 || skip >= total)
        {
            return (total, items);
        }

        var end = (int)Math.Min((long)skip + top, total);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId} and RowKey ge {RowKey(skip)} and RowKey lt {RowKey(end)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken))
        {
            items.Add(JsonSerializer.Deserialize<CandidateView>(entity.GetString("Json"), MentorFlowJson.Options)!);
        }

        return (total, items);
    }

    /// <summary>Eligible mentees first, then the other mentees, then mentors.</summary>
    private static int Group(CandidateView c) => (c.Pool, c.Eligible) switch
    {
        ("mentee", true) => 1,
        ("mentee", false) => 2,
        _ => 3,
    };

    private static string RowKey(int position) => position.ToString("D7", CultureInfo.InvariantCulture);
}
