using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Integrations.Storage;
using MentorFlow.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace MentorFlow.Local.Durable;

/// <summary>
/// The workflow engine of the local host: DurableTask.Core's <see cref="TaskHubWorker"/> over the Azure Storage
/// backend Durable Functions uses by default, running the very orchestrator and activity classes the Functions app
/// runs, adapted by the SDK's <see cref="DurableTaskShimFactory"/>. Work survives a kill: it lives in storage.
/// </summary>
internal sealed partial class LocalDurableEngine : IHostedService, IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService service;
    private readonly IServiceProvider services;
    private readonly ILoggerFactory loggerFactory;
    private readonly LocalDurableOptions options;
    private readonly ILogger<LocalDurableEngine> logger;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(4);
    private TaskHubWorker? worker;

    public LocalDurableEngine(
        IOptions<TableStorageOptions> storage,
        IOptions<LocalDurableOptions> options,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        this.options = options.Value;
        WorkerId = this.options.WorkerId is { Length: > 0 } configured ? configured : $"{Environment.MachineName}-{Environment.ProcessId}";
        this.services = services;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<LocalDurableEngine>();
        service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = ClientProvider(storage.Value),
            TaskHubName = this.options.TaskHub,
            LoggerFactory = loggerFactory,
            // Poll at most a second apart when idle (the default backs off to 30 s), and take over the
            // partitions of a killed worker within seconds rather than the default half minute.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            PartitionCount = this.options.PartitionCount,
            LeaseInterval = this.options.LeaseInterval,
            LeaseRenewInterval = this.options.LeaseRenewInterval,
            // The partition manager Durable Functions 3.x uses by default: one row per partition in the
            // <TaskHub>Partitions table (owner, next owner, expiry), so workers of one hub share the partitions the
            // same way Function App instances do, and anyone can read who owns what.
            UseTablePartitionManagement = true,
            // Each partition-table round trip is cut after this (default 2 s) and the whole loop retried; an emulator
            // on a busy machine can take longer, and a cut loop never finishes handing a partition over.
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(10),
            // A message a killed worker had dequeued stays invisible this long before another worker sees it
            // (default 5 minutes). Live workers renew it while they work, so a short timeout only speeds recovery.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(20),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(20),
            WorkerId = WorkerId,
        });
        Client = new TaskHubDurableTaskClient(new TaskHubClient(service, SdkDataConverter.Instance, loggerFactory), service);
    }

    /// <summary>This worker's name in the partition table and in its logs.</summary>
    public string WorkerId { get; }

    /// <summary>
    /// Blob, queue and table clients with the same retries and timeouts as MentorFlow's own table client
    /// (<c>MentorFlow:Storage:Retry</c>), so the engine's calls against a dead emulator fail fast too.
    /// </summary>
    private static StorageAccountClientProvider ClientProvider(TableStorageOptions storage)
    {
        var connectionString = storage.ConnectionString ?? throw new OptionsValidationException(
            TableStorageOptions.Section, typeof(TableStorageOptions), ["The local host needs MentorFlow:Storage:ConnectionString."]);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, storage.Retry.Apply(new Azure.Storage.Blobs.BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connectionString, storage.Retry.Apply(new Azure.Storage.Queues.QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connectionString, storage.Retry.Apply(new Azure.Data.Tables.TableClientOptions())));
    }

    /// <summary>The client the HTTP handlers use.</summary>
    public TaskHubDurableTaskClient Client { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        if (!options.WorkerEnabled)
        {
            LogWorkerDisabled(logger, options.TaskHub);
            return;
        }

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        worker = new TaskHubWorker(service, loggerFactory)
        {
            // The shim reads failures as FailureDetails; without this an activity exception breaks it.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };

        // Which worker ran what, for anyone reading the logs of several workers on one task hub (Debug: one line per
        // orchestration episode or activity).
        worker.AddOrchestrationDispatcherMiddleware((context, next) =>
        {
            LogOrchestrationEpisode(logger, WorkerId, context.GetProperty<OrchestrationInstance>()?.InstanceId ?? "");
            return next();
        });
        worker.AddActivityDispatcherMiddleware((context, next) =>
        {
            LogActivity(logger, WorkerId, context.GetProperty<TaskScheduledEvent>()?.Name ?? "", context.GetProperty<OrchestrationInstance>()?.InstanceId ?? "");
            return next();
        });

        foreach (var type in WorkflowCatalog.Orchestrators)
        {
            var name = new TaskName(type.Name);
            worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(
                type.Name, () => shims.CreateOrchestration(name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))));
        }

        foreach (var type in WorkflowCatalog.Activities)
        {
            var name = new TaskName(type.Name);
            worker.AddTaskActivities(new ShimCreator<TaskActivity>(
                type.Name, () => shims.CreateActivity(name, (ITaskActivity)services.GetRequiredService(type))));
        }

        await worker.StartAsync();
        LogWorkerStarted(logger, WorkerId, options.TaskHub, options.PartitionCount, WorkflowCatalog.Orchestrators.Count, WorkflowCatalog.Activities.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A graceful stop releases the partition leases, so the next start resumes work at once. It talks to storage,
        // so it is bounded: with storage gone it would retry for tens of seconds, and the leases expire anyway.
        if (worker is not null)
        {
            var stopping = worker.StopAsync(isForced: false);
            worker = null;
            try
            {
                await stopping.WaitAsync(StopTimeout, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                LogStopAbandoned(logger, StopTimeout.TotalSeconds);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        worker?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker {WorkerId} started on task hub {TaskHub} ({Partitions} partitions): {Orchestrators} orchestrators, {Activities} activities")]
    private static partial void LogWorkerStarted(ILogger logger, string workerId, string taskHub, int partitions, int orchestrators, int activities);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} runs orchestration {InstanceId}")]
    private static partial void LogOrchestrationEpisode(ILogger logger, string workerId, string instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} runs activity {Activity} of {InstanceId}")]
    private static partial void LogActivity(ILogger logger, string workerId, string activity, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The durable worker did not stop within {TimeoutSeconds:0} s (storage unreachable?); leaving its partition leases to expire")]
    private static partial void LogStopAbandoned(ILogger logger, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable worker disabled (MentorFlow:Durable:WorkerEnabled=false): work on task hub {TaskHub} is queued, not run")]
    private static partial void LogWorkerDisabled(ILogger logger, string taskHub);

    /// <summary>Creates a fresh shim for each work item, as DurableTask.Core expects of an object creator.</summary>
    private sealed class ShimCreator<T> : ObjectCreator<T>
    {
        private readonly Func<T> create;

        public ShimCreator(string name, Func<T> create)
        {
            Name = name;
            Version = "";
            this.create = create;
        }

        public override T Create() => create();
    }
}
