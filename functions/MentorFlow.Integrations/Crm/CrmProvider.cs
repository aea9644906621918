namespace MentorFlow.Integrations.Crm;

/// <summary>Where sales performance comes from (<c>MentorFlow:Crm:Provider</c>).</summary>
public enum CrmProvider
{
    /// <summary>Two CSV files, a CRM report export: <c>OpportunitiesFile</c> and <c>QuotasFile</c>.</summary>
    File,

    /// <summary>Dynamics 365 Sales through the Dataverse Web API: opportunities and Goals.</summary>
    Dataverse,

    /// <summary>Salesforce's REST API: Opportunity and ForecastingQuota (or a configured quota object).</summary>
    Salesforce,
}
