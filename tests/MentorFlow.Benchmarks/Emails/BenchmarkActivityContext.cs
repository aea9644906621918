using Microsoft.DurableTask;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>The context an activity is handed when the benchmark calls it directly, as a host would.</summary>
internal sealed class BenchmarkActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
