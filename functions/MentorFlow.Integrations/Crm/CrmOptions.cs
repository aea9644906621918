using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Where MentorFlow reads sales performance (<c>MentorFlow:Crm</c>): the provider and its settings. Every problem is
/// reported at start-up with the name of the setting to fix.
/// </summary>
public sealed partial class CrmOptions : IValidatableObject
{
    public const string Section = "MentorFlow:Crm";

    /// <summary><see cref="CrmProvider.File"/> (the default), <see cref="CrmProvider.Dataverse"/> or <see cref="CrmProvider.Salesforce"/>.</summary>
    public CrmProvider Provider { get; set; } = CrmProvider.File;

    /// <summary>The opportunities CSV, header <c>OwnerEmail,Status,Amount,CloseDate</c> (required for File).</summary>
    public string? OpportunitiesFile { get; set; }

    /// <summary>The quotas CSV, header <c>OwnerEmail,PeriodStart,PeriodEnd,Quota</c> (required for File).</summary>
    public string? QuotasFile { get; set; }

    /// <summary>The Dataverse settings, used when <see cref="Provider"/> is Dataverse.</summary>
    public DataverseOptions Dataverse { get; set; } = new();

    /// <summary>The Salesforce settings, used when <see cref="Provider"/> is Salesforce.</summary>
    public SalesforceOptions Salesforce { get; set; } = new();

    /// <summary>Retries and timeouts of the Dataverse and Salesforce clients.</summary>
    public CrmRetryOptions Retry { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<ValidationResult>();
        void Problem(string message, string member) => problems.Add(new ValidationResult(message, [member]));

        switch (Provider)
        {
            case CrmProvider.File:
                ValidateFile(OpportunitiesFile, nameof(OpportunitiesFile), Problem);
                ValidateFile(QuotasFile, nameof(QuotasFile), Problem);
                break;
            case CrmProvider.Dataverse:
                ValidateDataverse(Dataverse ?? new(), Problem);
                break;
            case CrmProvider.Salesforce:
                ValidateSalesforce(Salesforce ?? new(), Problem);
                break;
            default:
                Problem($"{Section}:Provider must be File, Dataverse or Salesforce.", nameof(Provider));
                break;
        }

        if (Provider != CrmProvider.File)
        {
            ValidateRetry(Retry ?? new(), Problem);
        }

        return problems;
    }

    private static void ValidateFile(string? path, string setting, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problem($"Set {Section}:{setting} to the CSV file of the CRM export (or set {Section}:Provider to Dataverse or Salesforce).", setting);
        }
        else if (!File.Exists(path))
        {
            problem($"{Section}:{setting} names a file that does not exist: '{path}'.", setting);
        }
    }

    private static void ValidateDataverse(DataverseOptions dataverse, Action<string, string> problem)
    {
        const string Prefix = Section + ":Dataverse";
        if (dataverse.Url is null)
        {
            problem($"Set {Prefix}:Url to the environment's URL, e.g. https://contoso.crm.dynamics.com, when {Section}:Provider is Dataverse.", nameof(Dataverse));
        }
        else if (!IsHttpUrl(dataverse.Url))
        {
            problem($"{Prefix}:Url must be an absolute https URL such as https://contoso.crm.dynamics.com.", nameof(Dataverse));
        }

        if (string.IsNullOrWhiteSpace(dataverse.ApiVersion) || !ApiVersionPattern().IsMatch(dataverse.ApiVersion))
        {
            problem($"{Prefix}:ApiVersion must look like v9.2.", nameof(Dataverse));
        }

        if (dataverse.PageSize is < 1 or > 5000)
        {
            problem($"{Prefix}:PageSize must be between 1 and 5000.", nameof(Dataverse));
        }

        if (!string.IsNullOrWhiteSpace(dataverse.ClientSecret)
            && (string.IsNullOrWhiteSpace(dataverse.TenantId) || string.IsNullOrWhiteSpace(dataverse.ClientId)))
        {
            problem($"With {Prefix}:ClientSecret set, also set {Prefix}:TenantId and {Prefix}:ClientId (or remove the secret to use managed identity).", nameof(Dataverse));
        }
    }

    private static void ValidateSalesforce(SalesforceOptions salesforce, Action<string, string> problem)
    {
        const string Prefix = Section + ":Salesforce";
        if (salesforce.InstanceUrl is null)
        {
            problem($"Set {Prefix}:InstanceUrl to the org's My Domain URL, e.g. https://contoso.my.salesforce.com, when {Section}:Provider is Salesforce.", nameof(Salesforce));
        }
        else if (!IsHttpUrl(salesforce.InstanceUrl))
        {
            problem($"{Prefix}:InstanceUrl must be an absolute https URL such as https://contoso.my.salesforce.com.", nameof(Salesforce));
        }

        if (salesforce.LoginUrl is { } login && !IsHttpUrl(login))
        {
            problem($"{Prefix}:LoginUrl must be an absolute https URL (the My Domain URL).", nameof(Salesforce));
        }

        if (string.IsNullOrWhiteSpace(salesforce.ClientId) || string.IsNullOrWhiteSpace(salesforce.ClientSecret))
        {
            problem($"Set {Prefix}:ClientId and {Prefix}:ClientSecret (the connected app's consumer key and secret) when {Section}:Provider is Salesforce.", nameof(Salesforce));
        }

        if (string.IsNullOrWhiteSpace(salesforce.ApiVersion) || !ApiVersionPattern().IsMatch(salesforce.ApiVersion))
        {
            problem($"{Prefix}:ApiVersion must look like v62.0.", nameof(Salesforce));
        }

        if (salesforce.BatchSize is < 200 or > 2000)
        {
            problem($"{Prefix}:BatchSize must be between 200 and 2000.", nameof(Salesforce));
        }

        var quota = salesforce.Quota ?? new();
        foreach (var (name, value) in new[]
        {
            ("Object", quota.Object), ("OwnerEmailField", quota.OwnerEmailField), ("AmountField", quota.AmountField),
            ("StartDateField", quota.StartDateField),
        })
        {
            if (string.IsNullOrWhiteSpace(value) || !SoqlNamePattern().IsMatch(value))
            {
                problem($"{Prefix}:Quota:{name} must be a Salesforce API name such as ForecastingQuota or QuotaOwner.Email.", nameof(Salesforce));
            }
        }

        if (quota.EndDateField is { } end && !SoqlNamePattern().IsMatch(end))
        {
            problem($"{Prefix}:Quota:EndDateField must be a Salesforce API name such as Period_End__c.", nameof(Salesforce));
        }

        if (quota.EndDateField is null && quota.PeriodMonths is < 1 or > 12)
        {
            problem($"{Prefix}:Quota:PeriodMonths must be between 1 and 12 (1 monthly, 3 quarterly forecasts).", nameof(Salesforce));
        }
    }

    private static void ValidateRetry(CrmRetryOptions retry, Action<string, string> problem)
    {
        const string Prefix = Section + ":Retry";
        if (retry.MaxRetries is < 0 or > 10)
        {
            problem($"{Prefix}:MaxRetries must be between 0 and 10.", nameof(Retry));
        }

        if (retry.BaseDelay <= TimeSpan.Zero || retry.AttemptTimeout <= TimeSpan.Zero || retry.TotalTimeout <= TimeSpan.Zero)
        {
            problem($"{Prefix}:BaseDelay, AttemptTimeout and TotalTimeout must be positive durations such as 00:00:02.", nameof(Retry));
        }
        else if (retry.AttemptTimeout > retry.TotalTimeout)
        {
            problem($"{Prefix}:AttemptTimeout may not be longer than {Prefix}:TotalTimeout.", nameof(Retry));
        }
    }

    // http too: tests and proxies; Azure.Identity and the services themselves insist on https where it matters.
    private static bool IsHttpUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^v[0-9]+\\.[0-9]+$")]
    private static partial Regex ApiVersionPattern();

    // API names only: the quota settings are put into SOQL, so nothing else may get in.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex SoqlNamePattern();
}
