using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Tests.Fakes;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Tests;

/// <summary>
/// Every orchestrator and activity of <see cref="WorkflowCatalog"/> on the in-process Durable Task test host, with
/// in-memory ports (the adapters have their own tests on Azurite and local HTTP fakes).
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    private WorkflowTestHost()
    {
    }

    public DurableTaskTestHost Host { get; private set; } = null!;

    public InMemoryProgramStore Programs { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public InMemoryApprovalStore Approvals { get; } = new();

    public RecordingEmailSender Email { get; } = new();

    public InMemoryDirectory Directory { get; } = new();

    public InMemoryCandidateStore Candidates { get; } = new();

    public InMemoryPerformanceSource Performance { get; } = new();

    public InMemoryPairStore Pairs { get; } = new();

    public InMemoryCheckInStore CheckIns { get; } = new();

    public InMemoryStoryStore Stories { get; } = new();

    public static async Task<WorkflowTestHost> StartAsync()
    {
        var created = new WorkflowTestHost();
        created.Host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                foreach (var orchestrator in WorkflowCatalog.Orchestrators)
                {
                    registry.AddOrchestrator(orchestrator);
                }

                foreach (var activity in WorkflowCatalog.Activities)
                {
                    registry.AddActivity(activity);
                }
            },
            new DurableTaskTestHostOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services =>
                {
                    services.AddSingleton<IProgramStore>(created.Programs);
                    services.AddSingleton<IAuditLog>(created.Audit);
                    services.AddSingleton<IApprovalStore>(created.Approvals);
                    services.AddSingleton<IEmailSender>(created.Email);
                    services.AddSingleton<IBulkEmailSender>(created.Email);
                    services.AddSingleton<IPairStore>(created.Pairs);
                    services.AddSingleton<ICheckInStore>(created.CheckIns);
                    services.AddSingleton<IStoryStore>(created.Stories);
                    services.AddSingleton<IDirectory>(created.Directory);
                    services.AddSingleton<ICandidateStore>(created.Candidates);
                    services.AddSingleton<IPerformanceSource>(created.Performance);
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton(Options.Create(new ApprovalTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }));
                    services.AddSingleton<ApprovalTokenService>();
                    services.AddSingleton<FormLinks>();
                    services.AddSingleton(Options.Create(new LinkOptions { PublicBaseUrl = new Uri("http://mentorflow.test/") }));
                },
            });
        return created;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Waits (on the wall clock, as the test host's timers run) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out waiting until {what}.");
    }
}
