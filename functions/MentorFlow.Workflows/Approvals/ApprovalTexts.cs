using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Approvals;

/// <summary>What each kind of approval asks, in words.</summary>
public static class ApprovalTexts
{
    /// <summary>The charter confirmation's title and description, from the stored charter.</summary>
    public static (string Title, IReadOnlyList<string> Description) Charter(ProgramCharter charter)
    {
        ArgumentNullException.ThrowIfNull(charter);
        return (
            "Confirm the program charter",
            [
                $"As program manager of '{charter.Name}', please confirm its charter before the program goes on.",
                $"Purpose: {charter.Purpose}",
                $"Scope: {charter.Scope}",
                $"Target population: {charter.TargetPopulation.Description}",
                .. charter.LearningOutcomes.Select(o => $"Learning outcome: {o.Outcome} — measured by: {o.Measure}"),
                .. charter.Benefits.Select(b => $"Benefit: {b}"),
                $"Executive sponsor: {charter.Sponsor.Name}",
            ]);
    }

    /// <summary>How the approval shows in a program's "waiting for" list and in the audit log.</summary>
    public static string Describe(ApprovalKind kind) => kind switch
    {
        ApprovalKind.CharterConfirmation => "Charter confirmation",
        ApprovalKind.Nomination => "Nomination",
        _ => kind.ToString(),
    };

    /// <summary>The heading of an approval email.</summary>
    public static string Heading(ApprovalKind kind, int count) => kind switch
    {
        ApprovalKind.CharterConfirmation => "Confirm the program charter",
        ApprovalKind.Nomination => count == 1 ? "Approve a nomination for mentoring" : $"Approve {count} nominations for mentoring",
        _ => kind.ToString(),
    };

    /// <summary>The lines that introduce an approval email.</summary>
    public static IReadOnlyList<string> Introduction(ApprovalKind kind, ProgramCharter charter) => kind switch
    {
        ApprovalKind.Nomination =>
        [
            $"People on your team were chosen from their sales results as mentees for '{charter.Name}'.",
            $"Purpose: {charter.Purpose}",
            "Approve each nominee you support; decline those who should not join this cohort.",
        ],
        _ => [],
    };
}
