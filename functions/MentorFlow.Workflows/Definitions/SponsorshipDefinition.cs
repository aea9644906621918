namespace MentorFlow.Workflows.Definitions;

/// <summary>The sales leaders asked to endorse the program.</summary>
/// <param name="Leaders">The leaders; may be empty.</param>
public sealed record SponsorshipDefinition(IReadOnlyList<Person> Leaders);
