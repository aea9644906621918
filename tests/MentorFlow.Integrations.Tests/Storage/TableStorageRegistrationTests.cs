using MentorFlow.Integrations.Cohorts;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Integrations.Tests.Storage;

public sealed class TableStorageRegistrationTests
{
    [Fact]
    public void AddMentorFlowTableStorage_CohortPorts_ResolveToTheTableAdapters()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MentorFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true" })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddMentorFlowTableStorage()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Nothing is called on the tables here: they are created on first use.
        Assert.IsType<TablePairStore>(services.GetRequiredService<IPairStore>());
        Assert.IsType<TableCheckInStore>(services.GetRequiredService<ICheckInStore>());
        Assert.IsType<TableStoryStore>(services.GetRequiredService<IStoryStore>());
    }
}
