using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Workflows.Approvals;

/// <summary>Builds an approval email's content: one item per approval, each with signed links that expire when it is due.</summary>
internal static class ApprovalEmailModelFactory
{
    public static ApprovalEmailModel Create(
        ApprovalKind kind,
        IReadOnlyList<ApprovalRecord> approvals,
        Person approver,
        ProgramCharter charter,
        RoleCharter roles,
        DateTimeOffset dueAt,
        ApprovalTokenService tokens,
        LinkOptions links,
        string? escalatedFrom)
    {
        var items = approvals.Select(a =>
        {
            var token = tokens.Create(new ApprovalTokenClaims(a.ProgramId, a.ApprovalId, approver.Email, dueAt));
            return new ApprovalEmailItem(
                a.Title,
                a.Description,
                links.Link($"api/approvals/{token}?decision=approve"),
                links.Link($"api/approvals/{token}?decision=decline"));
        }).ToList();
        return new ApprovalEmailModel(
            charter.Name,
            approver.Name,
            ApprovalTexts.Heading(kind, items.Count),
            ApprovalTexts.Introduction(kind, charter),
            items,
            roles.Html,
            roles.Text,
            dueAt,
            escalatedFrom);
    }
}
