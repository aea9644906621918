using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;

namespace MentorFlow.Integrations.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableRowsTests(AzuriteFixture azurite)
{
    private readonly TableClient table = new TableServiceClient(azurite.ConnectionString).GetTableClient("T" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task AddInChunksAsync_ChunkHoldsAStoredRow_AddsTheOthersAndKeepsTheStoredOne()
    {
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("p", "r050") { ["Value"] = "stored" });
        var entities = Enumerable.Range(0, 150).Select(i => new TableEntity("p", $"r{i:D3}") { ["Value"] = "new" }).ToList();

        await TableRows.AddInChunksAsync(table, entities, default);

        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "p"))
        {
            rows.Add(row);
        }

        Assert.Equal(150, rows.Count);
        Assert.Equal("stored", rows.Single(r => r.RowKey == "r050").GetString("Value"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\tb")]
    [InlineData("")]
    public void Key_NotATableKey_ThrowsArgumentException(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => TableRows.Key(key, "id"));
    }
}
