namespace MentorFlow.Workflows.Approvals.Pages;

/// <summary>What an approval page shows about the request: the program, what is asked, of whom, and by when.</summary>
/// <param name="ProgramName">The mentoring program's name.</param>
/// <param name="Title">What is being approved, in a few words.</param>
/// <param name="Description">The request's details, one paragraph each.</param>
/// <param name="ApproverName">Who is asked to decide.</param>
/// <param name="ApproverEmail">The address the request was sent to.</param>
/// <param name="DueAt">When a decision is due, if there is a deadline.</param>
/// <param name="CommentLabel">The comment field's label; null for the generic "Comment (optional)".</param>
/// <param name="CommentRequiredToApprove">
/// Approving needs a comment (the sponsor's endorsement message); declining never does.
/// </param>
public sealed record ApprovalPageModel(
    string ProgramName,
    string Title,
    IReadOnlyList<string> Description,
    string ApproverName,
    string ApproverEmail,
    DateTimeOffset? DueAt,
    string? CommentLabel = null,
    bool CommentRequiredToApprove = false);
