using MentorFlow.Integrations;
using MentorFlow.Integrations.Storage;
using MentorFlow.Local.Durable;
using MentorFlow.Integrations.Crm;
using MentorFlow.Integrations.Email;
using MentorFlow.Integrations.SendGridEvents;
using MentorFlow.Workflows;
using MentorFlow.Workflows.Approvals.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Local.Hosting;

/// <summary>Composition of the local host: storage, the durable engine, the workflows, the HTTP API.</summary>
internal static class LocalHostBuilderExtensions
{
    /// <summary>The URL the local host listens on unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise: the Functions host's port.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Configures everything; returns the storage handle to dispose after the app stopped (it may own an Azurite).</summary>
    public static async Task<LocalStorage> AddMentorFlowLocalHostAsync(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        using var bootLoggers = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Information));
        var storage = await LocalStorage.ResolveAsync(
            builder.Configuration, options, dataDirectory, bootLoggers.CreateLogger("MentorFlow.Local.Storage"), CancellationToken.None);
        var apiKey = LocalApiKey.Resolve(options.ApiKey, dataDirectory);
        var configuration = builder.Configuration;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{TableStorageOptions.Section}:{nameof(TableStorageOptions.ConnectionString)}"] = storage.ConnectionString,
            [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.ApiKey)}"] = apiKey,
            ["MentorFlow:PublicBaseUrl"] = PublicBaseUrl(configuration),
            ["MentorFlow:Approvals:SigningKey"] = LocalSigningKey.Resolve(configuration["MentorFlow:Approvals:SigningKey"], dataDirectory),
            // Locally, email goes to the outbox folder (served at /api/dev/outbox) unless configured otherwise.
            ["MentorFlow:Email:OutboxDirectory"] = configuration["MentorFlow:Email:OutboxDirectory"] ?? Path.Combine(dataDirectory, "outbox"),
            ["MentorFlow:Email:FromAddress"] = configuration["MentorFlow:Email:FromAddress"] ?? "mentorflow@example.com",
            // Storage is on this machine: a request against a dead emulator fails within a second (then 503), not 5-6 s.
            ["MentorFlow:Storage:Retry:MaxRetries"] = configuration["MentorFlow:Storage:Retry:MaxRetries"] ?? "2",
            ["MentorFlow:Storage:Retry:Delay"] = configuration["MentorFlow:Storage:Retry:Delay"] ?? "00:00:00.200",
            ["MentorFlow:Storage:Retry:NetworkTimeout"] = configuration["MentorFlow:Storage:Retry:NetworkTimeout"] ?? "00:00:10",
        });

        // While the host's own Azurite is down and being restarted, hold back the durable engine's per-call errors.
        var outage = new StorageOutage();
        builder.Services.AddSingleton(outage);
        builder.Services.AddSingleton(storage);
        // (A rule per category replaces the configured one, so each keeps the configured level.)
        foreach (var category in new[] { "DurableTask.Core", "DurableTask.AzureStorage", "Microsoft.DurableTask" })
        {
            var configured = Enum.TryParse<LogLevel>(builder.Configuration[$"Logging:LogLevel:{category}"], out var level)
                || Enum.TryParse(builder.Configuration["Logging:LogLevel:Default"], out level)
                ? level
                : LogLevel.Information;
            builder.Logging.AddFilter(category, l => l >= configured && outage.Allows(l));
        }

        if (storage.IsEmulator)
        {
            builder.Services.AddHostedService<AzuriteSupervisor>();
        }

        // Ctrl+C / SIGTERM ends the host within 10 s even with storage gone: 5 s for the hosted services (the durable
        // worker's own stop is bounded to 4 s in LocalDurableEngine), then at most 4 s to stop Azurite (LocalStorage).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        builder.Services.AddMentorFlowWorkflows();
        builder.Services.AddMentorFlowTableStorage();
        builder.Services.AddMentorFlowDirectory();
        builder.Services.AddMentorFlowCrm();
        builder.Services.AddMentorFlowEmail();
        builder.Services.AddMentorFlowSendGridEvents();
        builder.Services.AddOptions<LocalDurableOptions>()
            .BindConfiguration(LocalDurableOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LocalDurableEngine>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        builder.Services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<LocalDurableEngine>().Client);
        return storage;
    }

    /// <summary>Links in emails point where the host listens unless MentorFlow:PublicBaseUrl says otherwise.</summary>
    private static string PublicBaseUrl(IConfiguration configuration)
    {
        if (configuration["MentorFlow:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var url = (configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        // A wildcard listener ("http://+:80", "http://0.0.0.0:80") is reached at localhost from this machine.
        return url.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }

    /// <summary>Maps the API and prints where MentorFlow listens and the key to use.</summary>
    public static void UseMentorFlowLocalHost(this WebApplication app)
    {
        var apiKey = app.Configuration[$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.ApiKey)}"]!;
        app.UseMiddleware<StorageUnavailableMiddleware>();
        app.MapMentorFlowApi(apiKey);
        app.MapMentorFlowDashboard();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Provider == EmailProvider.Outbox)
        {
            app.MapDevOutbox(apiKey);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault() ?? DefaultUrl;
            var options = app.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
            Console.WriteLine($"""

                MentorFlow is running.
                  Dashboard:  {first}/
                  API:        {first}/api  (health: {first}/api/health)
                  API key:    {apiKey}   (send it as the x-functions-key header)
                  Email links: {app.Configuration["MentorFlow:PublicBaseUrl"]}
                  Outbox:     {first}/api/dev/outbox  (emails sent locally)
                  Data:       {Path.GetFullPath(options.DataDirectory)}
                Press Ctrl+C to stop.

                """);
        });
    }
}
