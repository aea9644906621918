namespace MentorFlow.Workflows.Programs;

/// <summary>The seven stages of a mentoring program, in the order they run.</summary>
public enum StageName
{
    Define,
    Roles,
    Criteria,
    Sponsorship,
    Pilot,
    Rollout,
    Stories,
}
