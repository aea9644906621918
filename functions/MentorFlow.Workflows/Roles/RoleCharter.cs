using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Roles;

/// <summary>Every role's responsibilities, and the charter rendered once for later invitations to carry.</summary>
public sealed record RoleCharter(IReadOnlyList<RoleDefinition> Roles, string Html, string Text);
