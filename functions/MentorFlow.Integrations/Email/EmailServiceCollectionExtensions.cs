using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// Registers MentorFlow's email: options, the provider, the ledger and the once-only <see cref="IEmailSender"/> and
/// <see cref="IBulkEmailSender"/>, which send nothing for a program that has ended.
/// </summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>The SendGrid client's per-attempt timeout; attempts are retried by <see cref="SendGridEmailSender"/>.</summary>
    private static readonly TimeSpan SendGridAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Email configured from <c>MentorFlow:Email</c> (validated at start-up). <see cref="IEmailSender"/> and
    /// <see cref="IBulkEmailSender"/> are a <see cref="RunningProgramEmailSender"/> (nothing for an ended program) over an
    /// <see cref="IdempotentEmailSender"/> over the provider <c>MentorFlow:Email:Provider</c> names; the ledger and the
    /// program records live in table storage, so <c>AddMentorFlowTableStorage()</c> must be registered too. <see cref="OutboxReader"/> resolves
    /// only with the outbox provider.
    /// </summary>
    public static IServiceCollection AddMentorFlowEmail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableEmailLedger>();
        services.TryAddSingleton<OutboxEmailSender>();

        // A typed client: the factory rotates its handlers, so the sender (and what holds it) is transient.
        services.AddHttpClient<SendGridEmailSender>(client => client.Timeout = SendGridAttemptTimeout);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return options.Provider == EmailProvider.Outbox
                ? new OutboxReader(sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<IOptions<LinkOptions>>())
                : throw new InvalidOperationException(
                    $"The outbox is only there when {EmailOptions.Section}:Provider is {EmailProvider.Outbox} (it is {options.Provider}).");
        });

        services.TryAddTransient(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            IEmailSender provider = options.Provider switch
            {
                EmailProvider.SendGrid => sp.GetRequiredService<SendGridEmailSender>(),
                _ => sp.GetRequiredService<OutboxEmailSender>(),
            };
            return new IdempotentEmailSender(
                provider,
                sp.GetRequiredService<TableEmailLedger>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<IdempotentEmailSender>>());
        });

        // Single and bulk sends go through the same wrappers: the ended-program gate first, so an email of a cancelled
        // program leaves no ledger row, then the ledger's once-only rule.
        services.TryAddTransient(sp =>
        {
            var idempotent = sp.GetRequiredService<IdempotentEmailSender>();
            return new RunningProgramEmailSender(
                idempotent, idempotent, sp.GetRequiredService<IProgramStore>(), sp.GetRequiredService<ILogger<RunningProgramEmailSender>>());
        });
        services.TryAddTransient<IEmailSender>(sp => sp.GetRequiredService<RunningProgramEmailSender>());
        services.TryAddTransient<IBulkEmailSender>(sp => sp.GetRequiredService<RunningProgramEmailSender>());
        return services;
    }
}
