namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Salesforce's REST API (<c>MentorFlow:Crm:Salesforce</c>) with the OAuth 2.0 client credentials flow of a connected
/// app (which needs a run-as user allowed to read opportunities and quotas).
/// </summary>
public sealed class SalesforceOptions
{
    /// <summary>The org's My Domain URL, e.g. <c>https://contoso.my.salesforce.com</c> (required for Salesforce).</summary>
    public Uri? InstanceUrl { get; set; }

    /// <summary>
    /// Where the token is asked for (<c>{LoginUrl}/services/oauth2/token</c>) when not <see cref="InstanceUrl"/>. The
    /// client credentials flow needs the My Domain URL, not <c>login.salesforce.com</c>.
    /// </summary>
    public Uri? LoginUrl { get; set; }

    /// <summary>The connected app's consumer key.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connected app's consumer secret (Key Vault in Azure).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The REST API version in <c>/services/data/{ApiVersion}/query</c>.</summary>
    public string ApiVersion { get; set; } = "v62.0";

    /// <summary>Records per page asked for with <c>Sforce-Query-Options: batchSize</c> (200 to 2,000, Salesforce's range).</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Which object and fields hold quotas.</summary>
    public SalesforceQuotaOptions Quota { get; set; } = new();
}
