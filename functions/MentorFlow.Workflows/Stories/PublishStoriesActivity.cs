using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// Applies the curation, from the stored decisions: an approved story is published, a declined one and one without
/// consent are not; an unanswered request stays requested. Audits the outcome in counts.
/// </summary>
public sealed class PublishStoriesActivity(IStoryStore stories, IApprovalStore approvals, IAuditLog audit) : TaskActivity<StageInput, CurationOutcome>
{
    /// <inheritdoc />
    public override async Task<CurationOutcome> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var participants = StoryParticipants.Of(await stories.ListAsync(input.ProgramId, CancellationToken.None));
        var submitted = participants.Where(s => s.SubmittedAt is not null).ToList();
        int published = 0, withoutConsent = 0;
        foreach (var story in submitted)
        {
            StoryStatus? status = null;
            if (!story.ConsentToShare)
            {
                withoutConsent++;
                status = StoryStatus.NotPublished;
            }
            else if (await approvals.GetAsync(input.ProgramId, StoryCuration.ApprovalIdFor(story.StoryId), CancellationToken.None) is { } approval)
            {
                status = approval.Status switch
                {
                    ApprovalStatus.Approved => StoryStatus.Published,
                    ApprovalStatus.Declined => StoryStatus.NotPublished,
                    _ => null,
                };
            }

            if (status is { } changed && story.Status != changed)
            {
                await stories.SetStatusAsync(input.ProgramId, story.StoryId, changed, CancellationToken.None);
            }

            published += status == StoryStatus.Published ? 1 : 0;
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "StoriesCurated",
                $"{submitted.Count} of {Plural.Of(participants.Count, "requested story", "requested stories")} submitted; {published} published, "
                + $"{submitted.Count - published} not published ({withoutConsent} without consent to share)."),
            CancellationToken.None);
        return new CurationOutcome(submitted.Count, published);
    }
}
