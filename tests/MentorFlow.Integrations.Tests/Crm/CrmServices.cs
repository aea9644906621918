using Azure.Core;
using MentorFlow.Integrations.Crm;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>The CRM as the apps register it (<c>AddMentorFlowCrm()</c> over configuration), with a fake Dataverse credential.</summary>
internal sealed class CrmServices : IDisposable
{
    private readonly ServiceProvider provider;

    public CrmServices(Dictionary<string, string?> settings, TokenCredential? dataverseCredential = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddKeyedSingleton(CrmServiceCollectionExtensions.DataverseCredentialKey, dataverseCredential ?? new FakeTokenCredential());
        services.AddMentorFlowCrm();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IPerformanceSource Source => provider.GetRequiredService<IPerformanceSource>();

    public CrmRequestCounter Counter => provider.GetRequiredService<CrmRequestCounter>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>Settings with short retry waits, so a 500 is retried in milliseconds.</summary>
    public static Dictionary<string, string?> Settings(string provider, params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["MentorFlow:Crm:Provider"] = provider,
            ["MentorFlow:Crm:Retry:BaseDelay"] = "00:00:00.050",
            ["MentorFlow:Crm:Retry:MaxRetries"] = "3",
        };
        foreach (var (key, value) in settings)
        {
            all[$"MentorFlow:Crm:{key}"] = value;
        }

        return all;
    }

    public void Dispose() => provider.Dispose();
}
