using Azure.Core;
using Azure.Identity;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace MentorFlow.Integrations.Crm;

/// <summary>Registers MentorFlow's CRM: options, the three sources and <see cref="IPerformanceSource"/> for the configured one.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// The service key of the <see cref="TokenCredential"/> the Dataverse source uses. Registered only when absent, so a
    /// test or a host can put its own first: <c>services.AddKeyedSingleton&lt;TokenCredential&gt;(DataverseCredentialKey, …)</c>.
    /// </summary>
    public const string DataverseCredentialKey = "MentorFlow:Crm:Dataverse";

    /// <summary>
    /// Sales performance configured from <c>MentorFlow:Crm</c> (validated at start-up). <see cref="IPerformanceSource"/>
    /// is the source <c>MentorFlow:Crm:Provider</c> names: <see cref="FilePerformanceSource"/>,
    /// <see cref="DataversePerformanceSource"/> or <see cref="SalesforcePerformanceSource"/> — the latter two typed
    /// HttpClients whose requests are retried on 429/408/5xx honouring <c>Retry-After</c> and counted by
    /// <see cref="CrmRequestCounter"/>.
    /// </summary>
    public static IServiceCollection AddMentorFlowCrm(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CrmOptions>()
            .BindConfiguration(CrmOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CrmRequestCounter>();
        services.TryAddSingleton<FilePerformanceSource>();

        services.TryAddKeyedSingleton<TokenCredential>(DataverseCredentialKey, (sp, _) =>
            CreateCredential(sp.GetRequiredService<IOptions<CrmOptions>>().Value.Dataverse));
        services.TryAddSingleton<DataverseAccessTokens>();
        // Handlers run in the order added: retries outermost, so each attempt is counted and gets a current token.
        var dataverse = services.AddHttpClient<DataversePerformanceSource>((sp, client) =>
        {
            client.BaseAddress = DataversePerformanceSource.ApiRoot(sp.GetRequiredService<IOptions<CrmOptions>>().Value.Dataverse);
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
            client.DefaultRequestHeaders.Add("OData-Version", "4.0");
        });
        dataverse.AddResilienceHandler("dataverse", ConfigureResilience);
        dataverse
            .AddHttpMessageHandler(sp => sp.GetRequiredService<CrmRequestCounter>().CreateHandler())
            .AddHttpMessageHandler(sp => new DataverseAuthorizationHandler(sp.GetRequiredService<DataverseAccessTokens>()));

        services.TryAddSingleton<SalesforceSession>();
        services.AddHttpClient(SalesforceSession.TokenClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("salesforce-token", ConfigureResilience);
        var salesforce = services.AddHttpClient(nameof(SalesforcePerformanceSource), client =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        });
        salesforce.AddResilienceHandler("salesforce", ConfigureResilience);
        salesforce
            .AddHttpMessageHandler(sp => sp.GetRequiredService<CrmRequestCounter>().CreateHandler())
            .AddTypedClient((httpClient, sp) => new SalesforcePerformanceSource(
                httpClient,
                sp.GetRequiredService<SalesforceSession>(),
                sp.GetRequiredService<IOptions<CrmOptions>>(),
                sp.GetRequiredService<ILogger<SalesforcePerformanceSource>>()));

        services.TryAddTransient<IPerformanceSource>(sp => sp.GetRequiredService<IOptions<CrmOptions>>().Value.Provider switch
        {
            CrmProvider.Dataverse => sp.GetRequiredService<DataversePerformanceSource>(),
            CrmProvider.Salesforce => sp.GetRequiredService<SalesforcePerformanceSource>(),
            _ => sp.GetRequiredService<FilePerformanceSource>(),
        });
        return services;
    }

    /// <summary>
    /// Outermost a total timeout, then retries (exponential backoff with jitter, or what <c>Retry-After</c> asks, on
    /// 429, 408, 5xx, failed connections and attempt timeouts), then a timeout per attempt.
    /// </summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var retry = context.ServiceProvider.GetRequiredService<IOptions<CrmOptions>>().Value.Retry;
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = retry.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = retry.AttemptTimeout });
    }

    private static TokenCredential CreateCredential(DataverseOptions dataverse) =>
        string.IsNullOrWhiteSpace(dataverse.ClientSecret)
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = dataverse.ManagedIdentityClientId })
            : new ClientSecretCredential(dataverse.TenantId, dataverse.ClientId, dataverse.ClientSecret);
}
