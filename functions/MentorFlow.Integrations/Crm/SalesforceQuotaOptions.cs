namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Where Salesforce quotas live (<c>MentorFlow:Crm:Salesforce:Quota</c>): <c>ForecastingQuota</c> (Collaborative
/// Forecasts) by default, or a custom object with its own field names. Field names may follow relationships
/// (<c>QuotaOwner.Email</c>, <c>Owner__r.Email</c>).
/// </summary>
public sealed class SalesforceQuotaOptions
{
    /// <summary>The object queried.</summary>
    public string Object { get; set; } = "ForecastingQuota";

    /// <summary>The quota owner's email.</summary>
    public string OwnerEmailField { get; set; } = "QuotaOwner.Email";

    /// <summary>The quota amount.</summary>
    public string AmountField { get; set; } = "QuotaAmount";

    /// <summary>The first day of the quota period.</summary>
    public string StartDateField { get; set; } = "StartDate";

    /// <summary>
    /// The last day of the quota period, when the object has one. <c>ForecastingQuota</c> has only a start date, so
    /// unset means the period ends <see cref="PeriodMonths"/> months after its start (the day before).
    /// </summary>
    public string? EndDateField { get; set; }

    /// <summary>The forecast period's length in months when there is no <see cref="EndDateField"/>: 1 (monthly) or 3 (quarterly).</summary>
    public int PeriodMonths { get; set; } = 3;

    /// <summary>
    /// An extra SOQL condition. The default keeps revenue quotas (not quantity ones); an org with several forecast types
    /// should add one, e.g. <c>IsAmount = true AND ForecastingType.DeveloperName = 'OpportunityRevenue'</c>, so a
    /// quota is not counted once per type.
    /// </summary>
    public string? Filter { get; set; } = "IsAmount = true";
}
