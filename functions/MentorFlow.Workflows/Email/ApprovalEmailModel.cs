namespace MentorFlow.Workflows.Email;

/// <summary>What an approval email says, to whom, and the approvals it lists (each with its own links).</summary>
public sealed record ApprovalEmailModel(
    string ProgramName,
    string ApproverName,
    string Heading,
    IReadOnlyList<string> Introduction,
    IReadOnlyList<ApprovalEmailItem> Items,
    string? CharterHtml,
    string? CharterText,
    DateTimeOffset DueAt,
    string? EscalatedFrom);
