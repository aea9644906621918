using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MentorFlow.Workflows.Tests.Fakes;

namespace MentorFlow.Workflows.Tests.Programs;

/// <summary>
/// A <see cref="DurableTaskClient"/> over a table of instances, for the termination logic: the query honours the
/// instance-id prefix and statuses as the real backends do, and a termination takes effect at the next query (as a
/// worker would process it). <see cref="OnTerminated"/> lets a test start a child "just before" its parent ended.
/// </summary>
internal sealed class FakeInstanceClient() : UnusedDurableClient("fake", "the termination logic")
{
    private readonly ConcurrentDictionary<string, OrchestrationRuntimeStatus> instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> pending = new();

    public List<string> Terminations { get; } = [];

    public List<string?> Prefixes { get; } = [];

    public Action<string>? OnTerminated { get; set; }

    /// <summary>Instances that complete on their own just as their termination is sent; the backend then refuses it.</summary>
    public HashSet<string> EndsBeforeTermination { get; } = new(StringComparer.Ordinal);

    /// <summary>Instances whose termination the backend refuses while they still run.</summary>
    public HashSet<string> RefusesTermination { get; } = new(StringComparer.Ordinal);

    public void Add(string instanceId, OrchestrationRuntimeStatus status) => instances[instanceId] = status;

    public OrchestrationRuntimeStatus StatusOf(string instanceId) => instances[instanceId];

    /// <summary>When false, terminations stay queued, as with no worker running.</summary>
    public bool WorkerRunning { get; set; } = true;

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        Assert.False(options?.Recursive ?? false, "The local host has no recursive termination; the prefix query must be used.");
        Terminations.Add(instanceId);
        if (RefusesTermination.Contains(instanceId))
        {
            throw new InvalidOperationException($"Instance {instanceId} cannot be terminated now.");
        }

        if (EndsBeforeTermination.Remove(instanceId))
        {
            instances[instanceId] = OrchestrationRuntimeStatus.Completed;
            throw new InvalidOperationException($"Instance {instanceId} has already completed.");
        }

        pending.Enqueue(instanceId);
        return Task.CompletedTask;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        Prefixes.Add(filter?.InstanceIdPrefix);
        if (WorkerRunning)
        {
            while (pending.TryDequeue(out var id))
            {
                instances[id] = OrchestrationRuntimeStatus.Terminated;
                OnTerminated?.Invoke(id);
            }
        }

        var page = instances
            .Where(i => filter?.InstanceIdPrefix is not { } prefix || i.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Where(i => filter?.Statuses is not { } statuses || statuses.Contains(i.Value))
            .OrderBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new OrchestrationMetadata("Orchestrator", i.Key) { RuntimeStatus = i.Value })
            .ToList();
        return Pageable.Create((string? _, int? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>(page, null)));
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(instances.TryGetValue(instanceId, out var status)
            ? new OrchestrationMetadata("Orchestrator", instanceId) { RuntimeStatus = status }
            : null);
}
