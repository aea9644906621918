using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// Sends one page of story requests: each participant who has not answered yet gets one email with the signed link to
/// their story form. Idempotent per story (<c>{programId}/story-request/{storyId}</c>). Returns how many were sent.
/// </summary>
public sealed class SendStoryRequestsActivity(IProgramStore programs, IStoryStore stories, IEmailSender email, FormLinks links)
    : TaskActivity<StoryRequestPage, int>
{
    /// <summary>The purpose of a story request email.</summary>
    public const string Purpose = "story-request";

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, StoryRequestPage input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var page = StoryParticipants.Of(await stories.ListAsync(input.ProgramId, CancellationToken.None))
            .Skip(input.Skip).Take(input.Take).Where(s => s.SubmittedAt is null).ToList();
        foreach (var story in page)
        {
            var rendered = StoryEmails.Request(definition.Name, story, links.Story(story));
            await email.SendAsync(
                new EmailMessage(
                    input.ProgramId,
                    Purpose,
                    $"{input.ProgramId}/{Purpose}/{story.StoryId}",
                    [new EmailAddress(story.ParticipantEmail, story.ParticipantName)],
                    [],
                    rendered.Subject,
                    rendered.Html,
                    rendered.Text),
                CancellationToken.None);
        }

        return page.Count;
    }
}
