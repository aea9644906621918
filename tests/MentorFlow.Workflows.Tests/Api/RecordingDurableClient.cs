using System.Collections.Concurrent;
using Microsoft.DurableTask;
using MentorFlow.Workflows.Tests.Fakes;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Api;

/// <summary>A <see cref="DurableTaskClient"/> that only records raised events: what the approval page hands the waiting orchestration.</summary>
internal sealed class RecordingDurableClient() : UnusedDurableClient("recording", "the approval page")
{
    public ConcurrentQueue<(string InstanceId, string EventName, object? Payload)> Raised { get; } = new();

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        Raised.Enqueue((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }
}
