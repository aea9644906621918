using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Workflows;

/// <summary>Registers the workflow classes and the HTTP API handlers; the ports come from the integrations.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddMentorFlowWorkflows(this IServiceCollection services)
    {
        foreach (var activity in WorkflowCatalog.Activities)
        {
            services.TryAddTransient(activity);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProgramApi>();
        services.TryAddSingleton<ApprovalApi>();
        services.TryAddSingleton<CriteriaApi>();
        services.TryAddSingleton<CohortApi>();
        services.TryAddSingleton<FormApi>();
        services.TryAddSingleton<HealthApi>();
        services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApprovalTokenOptions>().BindConfiguration(ApprovalTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ApprovalTokenService>();
        services.TryAddSingleton<FormLinks>();
        return services;
    }
}
