namespace MentorFlow.Workflows.Definitions;

/// <summary>The allowed values of <c>criteria.nominationApprover</c>: who approves a mentee's nomination.</summary>
public static class NominationApprovers
{
    /// <summary>The nominee's direct manager.</summary>
    public const string Manager = "manager";

    /// <summary>The manager's manager.</summary>
    public const string SkipLevel = "skipLevel";

    public static IReadOnlyList<string> All { get; } = [Manager, SkipLevel];
}
