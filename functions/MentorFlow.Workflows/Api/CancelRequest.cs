namespace MentorFlow.Workflows.Api;

/// <summary>Optional body of a cancel request: who cancels and why.</summary>
public sealed record CancelRequest(string? By, string? Reason);
