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
/// Candidates in Azure Table Storage: table <c>&lt;prefix&gt;Candidates</c>, PartitionKey = program id, RowKey ordered as the
/// API lists them (eligible mentees by rank, other mentees by email, then mentors by rank), written 100 to a transaction.
/// </summary>
public sealed class TableCandidateStore(TableServiceClient service, IOptions<TableStorageOptions> options) : ICandidateStore
{
    private readonly LazyTable lazy = new(service.GetTableClient(options.Value.TablePrefix + "Candidates"));

    /// <inheritdoc />
    public async Task SaveAsync(string programId, IReadOnlyList<CandidateView> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var table = await lazy.GetAsync(cancellationToken);
        foreach (var chunk in candidates.Chunk(100))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(programId, RowKey(c))
                {
                    ["Json"] = JsonSerializer.Serialize(c, MentorFlowJson.Options),
                })),
                cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<(int Total, IReadOnlyList<CandidateView> Items)> ListAsync(string programId, int skip, int top, CancellationToken cancellationToken)
    {
        var table = await lazy.GetAsync(cancellationToken);
        var items = new List<CandidateView>();
        var total = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {programId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken))
        {
            if (total >= skip && items.Count < top)
            {
                items.Add(JsonSerializer.Deserialize<CandidateView>(entity.GetString("Json"), MentorFlowJson.Options)!);
            }

            total++;
        }

        return (total, items);
    }

    private static string RowKey(CandidateView c)
    {
        var group = (c.Pool, c.Eligible) switch
        {
            ("mentee", true) => "1",
            ("mentee", false) => "2",
            _ => "3",
        };
        var rank = (c.Rank ?? 9_999_999).ToString("D7", CultureInfo.InvariantCulture);
        // Row keys may not hold '/', '\\', '#' or '?': an email rarely does, but replace them to be safe.
        var email = c.Email.ToLowerInvariant().Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');
        return $"{group}-{rank}-{email}";
    }
}
