using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Programs;

/// <summary>
/// Every orchestration instance of a program has an id derived from the program id: the program's own
/// (<c>{programId}</c>), its stages' (<c>{programId}-{stage}</c>) and its approvals' and pledges'
/// (<c>{programId}-approval-{batchId}</c>). So one instance-id prefix query finds them all, on either host.
/// </summary>
public static class ProgramInstances
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
    [
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Suspended,
    ];

    /// <summary>The instance id of a stage's sub-orchestration.</summary>
    public static string StageInstanceId(string programId, StageName stage) => $"{programId}-{stage.ToString().ToLowerInvariant()}";

    /// <summary>True when <paramref name="instanceId"/> is the program's own instance or one derived from it.</summary>
    public static bool BelongsTo(string instanceId, string programId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(programId);
        return instanceId.Length == programId.Length
            ? instanceId.Equals(programId, StringComparison.Ordinal)
            : instanceId.StartsWith(programId + "-", StringComparison.Ordinal);
    }

    /// <summary>The program's instances that have not ended (running, pending, suspended).</summary>
    public static async Task<IReadOnlyList<OrchestrationMetadata>> ListLiveAsync(
        DurableTaskClient client, string programId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery { InstanceIdPrefix = programId, Statuses = LiveStatuses, PageSize = 100 };
        var live = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            // The prefix alone would also match a longer id that merely starts with this one.
            if (BelongsTo(instance.InstanceId, programId) && LiveStatuses.Contains(instance.RuntimeStatus))
            {
                live.Add(instance);
            }
        }

        return live;
    }

    /// <summary>
    /// Terminates every live instance of the program: the program's own first (so it starts no further stage), then
    /// stages, then approvals and pledges. An instance that was running may have started a sub-orchestration just
    /// before its termination took effect, so the query is repeated until no live instance is left that ever ran, or
    /// until <paramref name="settle"/> has passed. Instances that never started (no worker yet) cannot have started
    /// anything: they are sent their termination and not waited for.
    /// </summary>
    /// <returns>How many instances were sent a termination, and whether every one that ran has ended.</returns>
    public static async Task<ProgramTermination> TerminateAllAsync(
        DurableTaskClient client, string programId, string reason, TimeProvider time, TimeSpan settle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var deadline = time.GetUtcNow() + settle;
        while (true)
        {
            var live = await ListLiveAsync(client, programId, cancellationToken);
            foreach (var instance in live
                .Where(i => !asked.Contains(i.InstanceId))
                .OrderBy(i => i.InstanceId.Length)
                .ThenBy(i => i.InstanceId, StringComparer.Ordinal))
            {
                await TerminateAsync(client, instance.InstanceId, reason, cancellationToken);
                asked.Add(instance.InstanceId);
            }

            if (live.All(i => i.RuntimeStatus == OrchestrationRuntimeStatus.Pending))
            {
                return new ProgramTermination(asked.Count, Settled: true);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return new ProgramTermination(asked.Count, Settled: false);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    // An instance may end on its own between the query and its termination; a backend may refuse to terminate it then.
    private static async Task TerminateAsync(DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(Output: reason), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var now = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (now is null || LiveStatuses.Contains(now.RuntimeStatus))
            {
                throw;
            }
        }
    }
}

/// <summary>What <see cref="ProgramInstances.TerminateAllAsync"/> did.</summary>
/// <param name="Terminated">Instances sent a termination.</param>
/// <param name="Settled">True when no instance that ever ran was still live at the end.</param>
public sealed record ProgramTermination(int Terminated, bool Settled);
