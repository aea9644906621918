using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using MentorFlow.Integrations.Approvals;
using MentorFlow.Integrations.Cohorts;
using MentorFlow.Integrations.Criteria;
using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace MentorFlow.Integrations;

/// <summary>Registers the adapters behind the Workflows ports.</summary>
public static class IntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Programs, the audit log, approvals, candidates, pairs, check-ins and stories in Azure Table Storage, configured
    /// from <c>MentorFlow:Storage</c>.
    /// </summary>
    public static IServiceCollection AddMentorFlowTableStorage(this IServiceCollection services)
    {
        services.AddOptions<TableStorageOptions>()
            .BindConfiguration(TableStorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TableStorageOptions>>().Value;
            var clientOptions = options.Retry.Apply(new TableClientOptions());
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return new TableServiceClient(options.ConnectionString, clientOptions);
            }

            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            });
            return new TableServiceClient(options.TableServiceUri!, credential, clientOptions);
        });
        services.AddSingleton<IStorageProbe, TableStorageProbe>();
        services.AddSingleton<MentorFlowTables>();
        services.AddSingleton<IProgramStore, TableProgramStore>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IApprovalStore, TableApprovalStore>();
        services.AddSingleton<ICandidateStore, TableCandidateStore>();
        services.AddSingleton<IPairStore, TablePairStore>();
        services.AddSingleton<ICheckInStore, TableCheckInStore>();
        services.AddSingleton<IStoryStore, TableStoryStore>();
        return services;
    }

    /// <summary>
    /// The company directory, configured from <c>MentorFlow:Directory</c>: <c>Provider</c> <c>File</c> (a saved Graph
    /// export, the default) or <c>Graph</c> (Microsoft Graph through the SDK, see <see cref="GraphDirectory"/>).
    /// </summary>
    public static IServiceCollection AddMentorFlowDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.Section)
            .Validate(
                o => string.Equals(o.Provider, "File", StringComparison.OrdinalIgnoreCase) || GraphDirectory.IsProvider(o.Provider),
                "MentorFlow:Directory:Provider must be 'File' (a saved Graph export) or 'Graph' (Microsoft Graph).")
            .Validate(o => string.IsNullOrWhiteSpace(o.File) || System.IO.File.Exists(o.File), "MentorFlow:Directory:File names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectoryOptions>, GraphDirectoryOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GraphRequestCounter>();

        // Keyed and added only when absent, so a test (or a host) can register its own credential or client first.
        services.TryAddKeyedSingleton<TokenCredential>(GraphDirectory.ServiceKey, (sp, _) =>
        {
            var graph = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.Graph;
            return string.IsNullOrWhiteSpace(graph.ClientSecret)
                ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = graph.ManagedIdentityClientId })
                : new ClientSecretCredential(graph.TenantId, graph.ClientId, graph.ClientSecret);
        });
        services.TryAddKeyedSingleton(GraphDirectory.ServiceKey, (sp, _) =>
        {
            var graph = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.Graph;
            var authentication = new AzureIdentityAuthenticationProvider(
                sp.GetRequiredKeyedService<TokenCredential>(GraphDirectory.ServiceKey),
                allowedHosts: [graph.BaseUrl.Host]);
            return GraphDirectory.CreateClient(graph, authentication, sp.GetRequiredService<GraphRequestCounter>());
        });

        services.AddSingleton<IDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectoryOptions>>();
            return GraphDirectory.IsProvider(options.Value.Provider)
                ? new GraphDirectory(
                    sp.GetRequiredKeyedService<GraphServiceClient>(GraphDirectory.ServiceKey),
                    options,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<GraphDirectory>>())
                : new FileDirectory(options);
        });
        return services;
    }
}
