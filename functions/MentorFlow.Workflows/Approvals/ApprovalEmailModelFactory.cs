using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Builds an approval email's content and its signed links (a token that expires when the approval is due).</summary>
internal static class ApprovalEmailModelFactory
{
    public static ApprovalEmailModel Create(
        ApprovalSend input,
        Person approver,
        ProgramCharter charter,
        RoleCharter? roles,
        DateTimeOffset dueAt,
        ApprovalTokenService tokens,
        LinkOptions links,
        string? escalatedFrom)
    {
        var token = tokens.Create(new ApprovalTokenClaims(input.ProgramId, input.ApprovalId, approver.Email, dueAt));
        var (title, description) = ApprovalTexts.For(input.Kind, charter);
        var attached = ApprovalTexts.CharterToAttach(input.Kind, roles);
        return new ApprovalEmailModel(
            charter.Name,
            approver.Name,
            title,
            description,
            attached?.Html,
            attached?.Text,
            dueAt,
            links.Link($"api/approvals/{token}?decision=approve"),
            links.Link($"api/approvals/{token}?decision=decline"),
            escalatedFrom);
    }
}
