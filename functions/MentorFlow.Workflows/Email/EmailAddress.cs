namespace MentorFlow.Workflows.Email;

/// <summary>A recipient: the address and, where known, the person's name.</summary>
public sealed record EmailAddress(string Email, string? Name = null);
