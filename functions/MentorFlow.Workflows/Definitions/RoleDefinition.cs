namespace MentorFlow.Workflows.Definitions;

/// <summary>One of the <see cref="ProgramRoles"/> and what it is responsible for.</summary>
/// <param name="Role">One of <see cref="ProgramRoles.All"/>.</param>
/// <param name="Responsibilities">At least one responsibility.</param>
public sealed record RoleDefinition(string Role, IReadOnlyList<string> Responsibilities);
