namespace MentorFlow.Workflows.Cohorts.Pages;

/// <summary>What the participant typed on the check-in form, shown again when it is refused.</summary>
public sealed record CheckInFormValues(string? Rating, string? Comment);
