using Azure.Data.Tables;
using Azure.Identity;
using MentorFlow.Integrations.Approvals;
using MentorFlow.Integrations.CompanyDirectory;
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
        services.AddSingleton<IApprovalStore, TableApprovalStore>();
        return services;
    }

    /// <summary>The company directory, configured from <c>MentorFlow:Directory</c> (a saved Graph export file for now).</summary>
    public static IServiceCollection AddMentorFlowDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>()
            .BindConfiguration(DirectoryOptions.Section)
            .Validate(o => o.Provider == "File", "MentorFlow:Directory:Provider must be 'File' in this version (Graph comes with the Criteria stage).")
            .Validate(o => string.IsNullOrWhiteSpace(o.File) || System.IO.File.Exists(o.File), "MentorFlow:Directory:File names a file that does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IDirectory, FileDirectory>();
        return services;
    }
}
