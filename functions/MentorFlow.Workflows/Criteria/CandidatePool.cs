namespace MentorFlow.Workflows.Criteria;

/// <summary>Which pool a person was evaluated for.</summary>
public enum CandidatePool
{
    Mentee,
    Mentor,
}
