using MentorFlow.Testing;

namespace MentorFlow.Local.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests
{
    private readonly AzuriteFixture _fixture;

    public AzuriteFixtureTests(AzuriteFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task ConnectionString_TableEndpoint_IsAnsweredByAzurite()
    {
        var tableEndpoint = ConnectionStringValue("TableEndpoint");

        using var response = await AzuriteTestOptions.GetTablesAsync(new Uri(tableEndpoint));

        Assert.Contains("Azurite-Table", AzuriteTestOptions.ServerOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_Ports_AreNotTheDefaultsADeveloperHostUses()
    {
        int[] defaults = [10000, 10001, 10002];

        Assert.DoesNotContain(_fixture.Azurite.BlobPort, defaults);
        Assert.DoesNotContain(_fixture.Azurite.QueuePort, defaults);
        Assert.DoesNotContain(_fixture.Azurite.TablePort, defaults);
        Assert.Null(_fixture.Azurite.DataLocation);
    }

    private string ConnectionStringValue(string key) =>
        _fixture.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Single(pair => pair[0] == key)[1];
}
