namespace MentorFlow.Workflows.Api;

/// <summary>Body of a cancel request: who cancels (required, recorded in the audit log) and, optionally, why.</summary>
public sealed record CancelRequest(string? By, string? Reason);
