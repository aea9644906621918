namespace MentorFlow.Workflows.Cohorts.Pages;

/// <summary>What the story form shows: the program and who is asked for their story.</summary>
/// <param name="ProgramName">The mentoring program's name.</param>
/// <param name="ParticipantName">Who answers.</param>
/// <param name="ParticipantEmail">The address the link was sent to.</param>
/// <param name="Role"><see cref="ParticipantRoles"/>: mentor or mentee.</param>
/// <param name="DueAt">When the link stops working, if it does.</param>
public sealed record StoryPageModel(string ProgramName, string ParticipantName, string ParticipantEmail, string Role, DateTimeOffset? DueAt)
{
    /// <summary>The page model of a stored story.</summary>
    public static StoryPageModel From(string programName, StoryRecord story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new(programName, story.ParticipantName, story.ParticipantEmail, story.Role, story.DueAt);
    }
}
