using MentorFlow.Workflows.Approvals.Pages;

namespace MentorFlow.Workflows.Tests.Approvals.Pages;

/// <summary>A typical approval request; tests change what they need with <c>with</c>.</summary>
internal static class PageModels
{
    public const string FormAction = "https://mentorflow.example.com/api/approvals/eyJwIjoi.c2ln";

    public static ApprovalPageModel Sponsorship { get; } = new(
        ProgramName: "Sales Leadership 2027",
        Title: "Sponsor the Sales Leadership 2027 program",
        Description:
        [
            "The program pairs 24 new sales leaders with experienced mentors for six months.",
            "As sponsor you open the kick-off and review the pilot's results.",
        ],
        ApproverName: "Dana Sponsor",
        ApproverEmail: "dana.sponsor@example.com",
        DueAt: new DateTimeOffset(2026, 11, 27, 15, 5, 0, TimeSpan.FromHours(1)));

    public static readonly DateTimeOffset DecidedAt = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
}
