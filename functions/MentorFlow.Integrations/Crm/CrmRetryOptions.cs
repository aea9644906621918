namespace MentorFlow.Integrations.Crm;

/// <summary>
/// How the Dataverse and Salesforce clients retry (<c>MentorFlow:Crm:Retry</c>): 429, 408, 5xx and failed connections
/// are retried with exponential backoff, waiting what <c>Retry-After</c> asks when the service says.
/// </summary>
public sealed class CrmRetryOptions
{
    /// <summary>Retries after the first attempt (0 to 10).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff when the service gives no <c>Retry-After</c>; doubled (with jitter) on each retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take: a 5,000-record page can take several seconds to build.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long one request may take with all its retries and waits. Dataverse's service protection limits can ask
    /// for minutes of <c>Retry-After</c>; past this the load fails and the caller's (durable) retry takes over.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
