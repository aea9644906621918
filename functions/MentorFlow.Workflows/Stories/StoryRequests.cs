namespace MentorFlow.Workflows.Stories;

/// <summary>What requesting stories stored: how many participants were asked, when, and until when they may answer.</summary>
public sealed record StoryRequests(int Participants, DateTimeOffset RequestedAt, DateTimeOffset DueAt);
