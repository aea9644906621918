namespace MentorFlow.Workflows.Stories;

/// <summary>One page of requested stories (participants' stories in story id order) whose request emails an activity sends.</summary>
public sealed record StoryRequestPage(string ProgramId, int Skip, int Take);
