namespace MentorFlow.Workflows.Definitions;

/// <summary>A named person with a plain email address (no display name); both trimmed.</summary>
/// <param name="Name">The person's name.</param>
/// <param name="Email">The address, e.g. jane.doe@example.com.</param>
public sealed record Person(string Name, string Email);
