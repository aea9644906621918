namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>
/// Microsoft Graph as the directory (<c>MentorFlow:Directory:Graph</c>, used when <c>MentorFlow:Directory:Provider</c>
/// is <c>Graph</c>). The app needs the <c>User.Read.All</c> application permission. The token comes from
/// Azure.Identity: a client secret when <see cref="ClientSecret"/> is set, otherwise <c>DefaultAzureCredential</c>
/// (managed identity in Azure, developer credentials locally).
/// </summary>
public sealed class GraphDirectoryOptions
{
    /// <summary>Graph's root, e.g. a national cloud's or a local fake's; requests go to <c>{BaseUrl}/users</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The tenant of the app registration, with <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id (with a secret), or unset.</summary>
    public string? ClientId { get; set; }

    /// <summary>A client secret (Key Vault in Azure); unset, <c>DefaultAzureCredential</c> is used.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when <c>DefaultAzureCredential</c> should use one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long the loaded users are reused before the next call loads them again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of the Graph SDK's retry handler per request (0 to 10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The SDK's backoff in whole seconds (doubled per retry) when Graph sends no <c>Retry-After</c>; with one, Graph's
    /// wait is honoured (the SDK caps it at 180 s).
    /// </summary>
    public int RetryDelaySeconds { get; set; } = 3;
}
