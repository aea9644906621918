using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Storage;

/// <summary>The table adapters on a real Azurite, each test class on tables of its own.</summary>
internal static class StoreFixture
{
    public static MentorFlowTables Tables(AzuriteFixture azurite) =>
        new(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12] }));
}
