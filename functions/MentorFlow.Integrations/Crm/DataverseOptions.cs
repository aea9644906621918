namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Dynamics 365 Sales through the Dataverse Web API (<c>MentorFlow:Crm:Dataverse</c>). The token comes from
/// Azure.Identity for the scope <c>{Url}/.default</c>: a client secret when <see cref="ClientSecret"/> is set,
/// otherwise <c>DefaultAzureCredential</c> (managed identity in Azure, developer credentials locally).
/// </summary>
public sealed class DataverseOptions
{
    /// <summary>The environment's URL, e.g. <c>https://contoso.crm.dynamics.com</c> (required for Dataverse).</summary>
    public Uri? Url { get; set; }

    /// <summary>The Web API version in <c>{Url}/api/data/{ApiVersion}/</c>.</summary>
    public string ApiVersion { get; set; } = "v9.2";

    /// <summary>Records per page asked for with <c>Prefer: odata.maxpagesize</c> (1 to 5,000, Dataverse's maximum).</summary>
    public int PageSize { get; set; } = 5000;

    /// <summary>The tenant of the app registration, with <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id (with a secret), or unset.</summary>
    public string? ClientId { get; set; }

    /// <summary>A client secret (Key Vault in Azure); unset, <c>DefaultAzureCredential</c> is used.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when <c>DefaultAzureCredential</c> should use one.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
