using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>Reads when the stage asks for stories: <c>stories.requestAfter</c> after the stage's start.</summary>
public sealed class ScheduleStoriesActivity(IProgramStore programs) : TaskActivity<StageInput, StoriesSchedule>
{
    /// <inheritdoc />
    public override async Task<StoriesSchedule> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        return new StoriesSchedule(definition.Stories.RequestAfter.AddTo(input.At));
    }
}
