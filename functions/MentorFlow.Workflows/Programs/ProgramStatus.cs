namespace MentorFlow.Workflows.Programs;

/// <summary>The status of a whole program.</summary>
public enum ProgramStatus
{
    Running,
    WaitingForApproval,
    Completed,
    Cancelled,
    Declined,
    Failed,
}
