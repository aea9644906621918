namespace MentorFlow.Workflows.Email;

/// <summary>One approval in an approval email: what it is, and its own Approve and Decline links.</summary>
public sealed record ApprovalEmailItem(string Title, IReadOnlyList<string> Description, Uri ApproveLink, Uri DeclineLink);
