namespace MentorFlow.Workflows.Api;

/// <summary>The 202 body of a program submission.</summary>
public sealed record ProgramCreated(string Id, string StatusUrl);
