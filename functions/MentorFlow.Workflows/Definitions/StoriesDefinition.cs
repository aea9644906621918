namespace MentorFlow.Workflows.Definitions;

/// <summary>When participants are asked for success stories.</summary>
/// <param name="RequestAfter">How long the Stories stage waits, from its start, before asking for stories.</param>
public sealed record StoriesDefinition(IsoDuration RequestAfter);
