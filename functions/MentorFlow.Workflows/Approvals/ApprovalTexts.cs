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
        ApprovalKind.Endorsement => "Sponsor endorsement",
        ApprovalKind.Pledge => "Leader pledge",
        ApprovalKind.MentorInvitation => "Mentor invitation",
        ApprovalKind.GoNoGo => "Go / no-go decision",
        ApprovalKind.StoryCuration => "Story curation",
        _ => kind.ToString(),
    };

    /// <summary>The heading of an approval email.</summary>
    public static string Heading(ApprovalKind kind, int count) => kind switch
    {
        ApprovalKind.CharterConfirmation => "Confirm the program charter",
        ApprovalKind.Nomination => count == 1 ? "Approve a nomination for mentoring" : $"Approve {count} nominations for mentoring",
        ApprovalKind.Endorsement => "Endorse the mentoring program",
        ApprovalKind.Pledge => "Pledge your support to the mentoring program",
        ApprovalKind.MentorInvitation => "Will you mentor in our sales leadership program?",
        ApprovalKind.GoNoGo => "Decide: does the mentoring program roll out?",
        ApprovalKind.StoryCuration => count == 1 ? "Publish a mentoring story?" : $"Publish {count} mentoring stories?",
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
        ApprovalKind.Endorsement =>
        [
            $"As executive sponsor of '{charter.Name}', please endorse it so that it can start.",
            "Approving asks for a short message in your own words on why mentoring matters: it goes to every sales leader "
            + "with the request to pledge support, and it becomes the program's first story.",
        ],
        ApprovalKind.Pledge =>
        [
            $"'{charter.Name}' has the endorsement of {charter.Sponsor.Name}.",
            "Approve to pledge your support: free up your mentors' time and encourage your team to take part.",
        ],
        ApprovalKind.MentorInvitation =>
        [
            $"You were chosen from your team's results as a mentor for '{charter.Name}'.",
            $"Purpose: {charter.Purpose}",
            "Approve to accept; decline if you cannot take it on now — the next mentor will be asked.",
        ],
        ApprovalKind.GoNoGo =>
        [
            $"The pilot of '{charter.Name}' has ended. Its lessons learned are below.",
            "Approve (go) to roll the program out to every approved mentee; decline (no-go) to end it after the pilot and gather its stories.",
        ],
        ApprovalKind.StoryCuration =>
        [
            $"Participants of '{charter.Name}' shared their stories and agreed to share them with their names.",
            "Approve each story to publish it in the program's digest; decline those that should not be shared.",
        ],
        _ => [],
    };
}
