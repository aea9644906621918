namespace MentorFlow.Workflows.Cohorts;

/// <summary>What a participant answered on the story form (texts trimmed; empty optional fields are null).</summary>
public sealed record StorySubmission(string Story, string? BestPractice, bool ConsentToShare, string? Suggestion, DateTimeOffset At);
