using System.Text.Json.Serialization;

namespace MentorFlow.Integrations.Crm;

/// <summary>One page of a Dataverse Web API collection: <c>{ "value": [ … ], "@odata.nextLink": "…" }</c>.</summary>
internal sealed class DataversePage<T>
{
    [JsonPropertyName("value")]
    public List<T>? Value { get; set; }

    [JsonPropertyName("@odata.nextLink")]
    public string? NextLink { get; set; }
}

/// <summary>The opportunity columns MentorFlow selects (money in the record's currency and in the base currency).</summary>
internal sealed class DataverseOpportunity
{
    [JsonPropertyName("opportunityid")]
    public string? Id { get; set; }

    [JsonPropertyName("statecode")]
    public int? StateCode { get; set; }

    [JsonPropertyName("estimatedvalue")]
    public decimal? EstimatedValue { get; set; }

    [JsonPropertyName("estimatedvalue_base")]
    public decimal? EstimatedValueBase { get; set; }

    [JsonPropertyName("actualvalue")]
    public decimal? ActualValue { get; set; }

    [JsonPropertyName("actualvalue_base")]
    public decimal? ActualValueBase { get; set; }

    [JsonPropertyName("estimatedclosedate")]
    public string? EstimatedCloseDate { get; set; }

    [JsonPropertyName("actualclosedate")]
    public string? ActualCloseDate { get; set; }

    [JsonPropertyName("owninguser")]
    public DataverseUser? OwningUser { get; set; }
}

/// <summary>A goal (a quota): its owner, money target and period.</summary>
internal sealed class DataverseGoal
{
    [JsonPropertyName("goalid")]
    public string? Id { get; set; }

    [JsonPropertyName("targetmoney")]
    public decimal? TargetMoney { get; set; }

    [JsonPropertyName("targetmoney_base")]
    public decimal? TargetMoneyBase { get; set; }

    [JsonPropertyName("goalstartdate")]
    public string? StartDate { get; set; }

    [JsonPropertyName("goalenddate")]
    public string? EndDate { get; set; }

    [JsonPropertyName("goalownerid_systemuser")]
    public DataverseUser? GoalOwner { get; set; }
}

/// <summary>An expanded systemuser: only its primary email.</summary>
internal sealed class DataverseUser
{
    [JsonPropertyName("internalemailaddress")]
    public string? InternalEmailAddress { get; set; }
}

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DataversePage<DataverseOpportunity>))]
[JsonSerializable(typeof(DataversePage<DataverseGoal>))]
internal sealed partial class DataverseJsonContext : JsonSerializerContext;
