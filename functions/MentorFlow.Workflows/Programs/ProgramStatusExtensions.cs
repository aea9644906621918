namespace MentorFlow.Workflows.Programs;

/// <summary>Questions asked of a <see cref="ProgramStatus"/>.</summary>
public static class ProgramStatusExtensions
{
    /// <summary>A terminal program never changes status again (a late activity cannot revive a cancelled program).</summary>
    public static bool IsTerminal(this ProgramStatus status) =>
        status is ProgramStatus.Completed or ProgramStatus.Cancelled or ProgramStatus.Declined or ProgramStatus.Failed;
}
