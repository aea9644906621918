using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// The signed links to the check-in and story forms. They use the approval links' token format (HMAC-signed, expiring,
/// naming one participant); the id inside carries a prefix so a form token is never taken for an approval's, and the
/// stored record's state makes each link single-use.
/// </summary>
public sealed class FormLinks(ApprovalTokenService tokens, IOptions<LinkOptions> links)
{
    /// <summary>Prefix of a check-in id inside a token.</summary>
    public const string CheckInPrefix = "checkin:";

    /// <summary>Prefix of a story id inside a token.</summary>
    public const string StoryPrefix = "story:";

    /// <summary>The route of the check-in form (token appended).</summary>
    public const string CheckInRoute = "api/checkins/";

    /// <summary>The route of the story form (token appended).</summary>
    public const string StoryRoute = "api/stories/";

    /// <summary>The link to one participant's check-in form.</summary>
    public Uri CheckIn(CheckInRecord checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        return links.Value.Link(CheckInRoute + tokens.Create(new ApprovalTokenClaims(
            checkIn.ProgramId, CheckInPrefix + checkIn.CheckInId, checkIn.ParticipantEmail, checkIn.DueAt)));
    }

    /// <summary>The link to one participant's story form.</summary>
    public Uri Story(StoryRecord story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var due = story.DueAt ?? throw new ArgumentException("A requested story has a due time.", nameof(story));
        return links.Value.Link(StoryRoute + tokens.Create(new ApprovalTokenClaims(
            story.ProgramId, StoryPrefix + story.StoryId, story.ParticipantEmail, due)));
    }
}
