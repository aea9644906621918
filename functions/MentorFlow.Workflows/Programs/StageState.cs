namespace MentorFlow.Workflows.Programs;

/// <summary>Where one stage of a program stands.</summary>
public enum StageState
{
    Pending,
    Active,
    Done,
    Skipped,
}
