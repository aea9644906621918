namespace MentorFlow.Workflows.Email;

/// <summary>What an approval request email says, for whom, and where its links go.</summary>
public sealed record ApprovalEmailModel(
    string ProgramName,
    string ApproverName,
    string Title,
    IReadOnlyList<string> Description,
    string? CharterHtml,
    string? CharterText,
    DateTimeOffset DueAt,
    Uri ApproveLink,
    Uri DeclineLink,
    string? EscalatedFrom);
