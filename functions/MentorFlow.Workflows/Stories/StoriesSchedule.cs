namespace MentorFlow.Workflows.Stories;

/// <summary>When the Stories stage asks participants for their stories (<c>stories.requestAfter</c> from the stage's start).</summary>
public sealed record StoriesSchedule(DateTimeOffset RequestAt);
