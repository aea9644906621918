using Azure.Data.Tables;
using Azure.Identity;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations;

/// <summary>Registers the adapters behind the Workflows ports.</summary>
public static class IntegrationServiceCollectionExtensions
{
    /// <summary>Programs and the audit log in Azure Table Storage, configured from <c>MentorFlow:Storage</c>.</summary>
    public static IServiceCollection AddMentorFlowTableStorage(this IServiceCollection services)
    {
        services.AddOptions<TableStorageOptions>()
            .BindConfiguration(TableStorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TableStorageOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return new TableServiceClient(options.ConnectionString);
            }

            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            });
            return new TableServiceClient(options.TableServiceUri!, credential);
        });
        services.AddSingleton<MentorFlowTables>();
        services.AddSingleton<IProgramStore, TableProgramStore>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        return services;
    }
}
