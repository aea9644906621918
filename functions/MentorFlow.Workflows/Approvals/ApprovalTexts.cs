using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Workflows.Approvals;

/// <summary>What each kind of approval asks, in words, from what is stored about the program.</summary>
public static class ApprovalTexts
{
    public static (string Title, IReadOnlyList<string> Description) For(ApprovalKind kind, ProgramCharter charter) => kind switch
    {
        ApprovalKind.CharterConfirmation => (
            "Confirm the program charter",
            [
                $"As program manager of '{charter.Name}', please confirm its charter before the program goes on.",
                $"Purpose: {charter.Purpose}",
                $"Scope: {charter.Scope}",
                $"Target population: {charter.TargetPopulation.Description}",
                .. charter.LearningOutcomes.Select(o => $"Learning outcome: {o.Outcome} — measured by: {o.Measure}"),
                .. charter.Benefits.Select(b => $"Benefit: {b}"),
                $"Executive sponsor: {charter.Sponsor.Name}",
            ]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No text for this kind of approval."),
    };

    /// <summary>How the approval shows in a program's "waiting for" list and in the audit log.</summary>
    public static string Describe(ApprovalKind kind) => kind switch
    {
        ApprovalKind.CharterConfirmation => "Charter confirmation",
        _ => kind.ToString(),
    };

    /// <summary>The role charter goes with requests whose approver takes on a role.</summary>
    public static RoleCharter? CharterToAttach(ApprovalKind kind, RoleCharter? roles) =>
        kind == ApprovalKind.CharterConfirmation ? roles : null;
}
