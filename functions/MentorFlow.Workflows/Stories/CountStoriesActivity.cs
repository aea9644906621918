using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>Counts the participants' stories requested and answered (the collection's poll).</summary>
public sealed class CountStoriesActivity(IStoryStore stories) : TaskActivity<StageInput, StoryCounts>
{
    /// <inheritdoc />
    public override async Task<StoryCounts> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participants = StoryParticipants.Of(await stories.ListAsync(input.ProgramId, CancellationToken.None));
        return new StoryCounts(participants.Count, participants.Count(s => s.SubmittedAt is not null));
    }
}
