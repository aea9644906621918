namespace MentorFlow.Workflows.Criteria;

/// <summary>Where an opportunity stands in the CRM.</summary>
public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}
