using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>Registers the SendGrid Event Webhook endpoint and what it needs.</summary>
public static class SendGridEventsServiceCollectionExtensions
{
    public static IServiceCollection AddMentorFlowSendGridEvents(this IServiceCollection services)
    {
        services.AddOptions<SendGridEventWebhookOptions>()
            .BindConfiguration(SendGridEventWebhookOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendGridWebhookVerifier>();
        services.TryAddSingleton<ProcessedEventLog>();
        services.TryAddSingleton<SendGridEventsEndpoint>();
        return services;
    }
}
