using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// Prepares one curation approval per story submitted with consent to share (title with the participant's name,
/// description the story and best practice). Stories without consent are never put to curation. An approval that
/// exists is left as it is (a re-delivered activity never resets a decision). Returns the approval ids only.
/// </summary>
public sealed class PrepareStoryCurationActivity(IStoryStore stories, IApprovalStore approvals) : TaskActivity<StageInput, StoryCuration>
{
    /// <inheritdoc />
    public override async Task<StoryCuration> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var submitted = StoryParticipants.Of(await stories.ListAsync(input.ProgramId, CancellationToken.None))
            .Where(s => s.SubmittedAt is not null).ToList();
        var ids = new List<string>();
        foreach (var story in submitted.Where(s => s.ConsentToShare))
        {
            var approvalId = StoryCuration.ApprovalIdFor(story.StoryId);
            if (await approvals.GetAsync(input.ProgramId, approvalId, CancellationToken.None) is null)
            {
                await approvals.SaveAsync(
                    new ApprovalRecord
                    {
                        ProgramId = input.ProgramId,
                        ApprovalId = approvalId,
                        Kind = ApprovalKind.StoryCuration,
                        Title = $"Story by {story.ParticipantName} ({story.Role})",
                        Description =
                        [
                            $"Story: {story.Story}",
                            $"Best practice: {(string.IsNullOrWhiteSpace(story.BestPractice) ? "(none given)" : story.BestPractice)}",
                        ],
                        SubjectEmail = story.ParticipantEmail,
                    },
                    CancellationToken.None);
            }

            ids.Add(approvalId);
        }

        return new StoryCuration(ids, submitted.Count);
    }
}
