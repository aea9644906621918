namespace MentorFlow.Workflows.Cohorts.Pages;

/// <summary>What the participant typed on the story form, shown again when it is refused.</summary>
public sealed record StoryFormValues(string? Story, string? BestPractice, bool ConsentToShare, string? Suggestion);
