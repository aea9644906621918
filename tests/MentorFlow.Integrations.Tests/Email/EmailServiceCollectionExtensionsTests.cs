using Azure.Data.Tables;
using MentorFlow.Integrations.Email;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Email;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMentorFlowEmail_Outbox_SendsOnceOverTheOutboxAndOffersTheReader()
    {
        using var services = Build(new()
        {
            ["MentorFlow:Email:FromAddress"] = TestEmails.From,
            ["MentorFlow:Email:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), "mentorflow-unused-outbox"),
        });

        Assert.IsType<RunningProgramEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<RunningProgramEmailSender>(services.GetRequiredService<IBulkEmailSender>());
        Assert.NotNull(services.GetRequiredService<OutboxReader>());
    }

    [Fact]
    public void AddMentorFlowEmail_SendGrid_SendsOnceOverSendGridAndHasNoOutbox()
    {
        using var services = Build(new()
        {
            ["MentorFlow:Email:Provider"] = "SendGrid",
            ["MentorFlow:Email:FromAddress"] = TestEmails.From,
            ["MentorFlow:Email:SendGrid:ApiKey"] = TestEmails.ApiKey,
        });

        Assert.IsType<RunningProgramEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<RunningProgramEmailSender>(services.GetRequiredService<IBulkEmailSender>());
        Assert.NotNull(services.GetRequiredService<SendGridEmailSender>());
        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<OutboxReader>());
    }

    [Fact]
    public void AddMentorFlowEmail_SendGridWithoutApiKey_FailsValidationNamingTheSetting()
    {
        using var services = Build(new()
        {
            ["MentorFlow:Email:Provider"] = "SendGrid",
            ["MentorFlow:Email:FromAddress"] = TestEmails.From,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("MentorFlow:Email:SendGrid:ApiKey", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();

        // The ledger's table client; nothing is called on it here.
        services.AddSingleton(new TableServiceClient("UseDevelopmentStorage=true"));
        services.AddSingleton(Options.Create(new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true" }));
        services.AddSingleton<MentorFlowTables>();
        services.AddSingleton<IProgramStore, TableProgramStore>();
        services.AddMentorFlowEmail();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
