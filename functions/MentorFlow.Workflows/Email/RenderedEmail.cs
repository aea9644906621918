namespace MentorFlow.Workflows.Email;

/// <summary>An email's subject and its two bodies.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
