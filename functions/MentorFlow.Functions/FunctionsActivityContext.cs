using Microsoft.DurableTask;

namespace MentorFlow.Functions;

/// <summary>The activity context the shared activity classes receive when Azure Functions runs them.</summary>
internal sealed class FunctionsActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
