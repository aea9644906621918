using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace MentorFlow.Local.Durable;

/// <summary>
/// The Durable Task SDK's client API over DurableTask.Core's <see cref="TaskHubClient"/>, so the HTTP handlers
/// that take a <see cref="DurableTaskClient"/> in the Functions app run unchanged on the local host.
/// </summary>
internal sealed class TaskHubDurableTaskClient(TaskHubClient client, IOrchestrationServiceClient serviceClient)
    : DurableTaskClient("MentorFlow.Local")
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var version = options?.Version?.Version ?? "";
        var instance = options?.StartAt is { } startAt
            ? await client.CreateScheduledOrchestrationInstanceAsync(
                orchestratorName.Name, version, instanceId, input, startAt.UtcDateTime)
            : await client.CreateOrchestrationInstanceAsync(orchestratorName.Name, version, instanceId, input);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, eventPayload!);

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is not null && metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    /// <remarks>
    /// DurableTask.Core terminates one instance; a recursive termination is refused rather than silently done in part.
    /// MentorFlow ends a whole program by an instance-id prefix query instead (<c>ProgramInstances.TerminateAllAsync</c>).
    /// </remarks>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("The local host terminates one instance at a time; query the sub-orchestrations by instance-id prefix.");
        }

        return client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, options?.Output?.ToString() ?? "");
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await client.GetOrchestrationStateAsync(instanceId);
        return state is null ? null : ToMetadata(state, getInputsAndOutputs);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        if (serviceClient is not IOrchestrationServiceQueryClient queryClient)
        {
            throw new NotSupportedException("This orchestration service cannot list instances.");
        }

        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreOrchestrationQuery
            {
                ContinuationToken = continuation,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime ?? default,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime ?? default,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
                RuntimeStatus = filter?.Statuses?.Select(s => (OrchestrationStatus)(int)s).ToList(),
            };
            var result = await queryClient.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = result.OrchestrationState.Select(s => ToMetadata(s, filter?.FetchInputsAndOutputs ?? false)).ToList();
            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (serviceClient is not IOrchestrationServicePurgeClient purgeClient)
        {
            throw new NotSupportedException("This orchestration service cannot purge instances.");
        }

        var result = await purgeClient.PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (serviceClient is not IOrchestrationServicePurgeClient purgeClient)
        {
            throw new NotSupportedException("This orchestration service cannot purge instances.");
        }

        var statuses = filter.Statuses?.Select(s => (OrchestrationStatus)(int)s).ToList();
        var result = await purgeClient.PurgeInstanceStateAsync(new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, statuses));
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OrchestrationMetadata ToMetadata(OrchestrationState state, bool getInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            // The two enums share their values: Running 0 … Suspended 7.
            RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            SerializedOutput = getInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = state.Status,
            FailureDetails = ToSdk(state.FailureDetails),
            DataConverter = Microsoft.DurableTask.Converters.JsonDataConverter.Default,
        };

    private static TaskFailureDetails? ToSdk(CoreFailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, ToSdk(details.InnerFailure), null);
}
