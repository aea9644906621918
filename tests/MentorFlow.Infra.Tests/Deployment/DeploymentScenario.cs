using System.Security.Cryptography;

namespace MentorFlow.Infra.Tests.Deployment;

/// <summary>An azd environment a deployer might have: the variables main.parameters.json reads.</summary>
public sealed record DeploymentScenario(string Name, IReadOnlyDictionary<string, string> Environment)
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000aaaa";
    public const string TenantId = "00000000-0000-0000-0000-00000000bbbb";
    public const string Location = "swedencentral";

    /// <summary>Only what azd asks for (what has no default), and the default CRM's (Dataverse's) environment URL.</summary>
    public static DeploymentScenario Minimal { get; } = new("minimal", new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "mentorflow-test",
        ["AZURE_LOCATION"] = Location,
        ["EMAIL_FROM_ADDRESS"] = "mentoring@example.com",
        ["SENDGRID_API_KEY"] = "SG.minimal-scenario-api-key",
        ["APPROVAL_SIGNING_KEY"] = NewKey(),
        ["DATAVERSE_URL"] = "https://contoso.crm4.dynamics.com",
    });

    /// <summary>
    /// Every optional setting given too: a key being rotated out, the webhook key, EU SendGrid, and so on; the CRM is
    /// Dataverse, with Salesforce's variables left over from another choice (they must change nothing).
    /// </summary>
    public static DeploymentScenario Everything { get; } = new("everything", new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "mentorflow-full",
        ["AZURE_LOCATION"] = Location,
        ["EMAIL_FROM_ADDRESS"] = "mentoring@example.com",
        ["EMAIL_FROM_NAME"] = "Mentoring at Example",
        ["SENDGRID_API_KEY"] = "SG.everything-scenario-api-key",
        ["SENDGRID_BASE_URL"] = "https://api.eu.sendgrid.com",
        ["SENDGRID_SANDBOX_MODE"] = "true",
        ["SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY"] = NewWebhookPublicKey(),
        ["APPROVAL_SIGNING_KEY"] = NewKey(),
        ["APPROVAL_PREVIOUS_SIGNING_KEY"] = NewKey(),
        ["CRM_PROVIDER"] = "Dataverse",
        ["DATAVERSE_URL"] = "https://contoso.crm4.dynamics.com/",
        ["SALESFORCE_INSTANCE_URL"] = "https://contoso.my.salesforce.com",
        ["SALESFORCE_LOGIN_URL"] = "https://contoso.my.salesforce.com",
        ["SALESFORCE_CLIENT_ID"] = "3MVG9leftover-consumer-key",
        ["SALESFORCE_CLIENT_SECRET"] = "leftover-salesforce-consumer-secret",
        ["PUBLIC_BASE_URL"] = "https://mentoring.example.com",
        ["GRANT_DEVELOPER_ACCESS"] = "true",
        ["AZURE_PRINCIPAL_ID"] = "00000000-0000-0000-0000-00000000cccc",
    });

    /// <summary>Salesforce as the CRM: its My Domain URL, token URL and connected app (the secret goes to Key Vault).</summary>
    public static DeploymentScenario Salesforce { get; } = new("salesforce", new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "mentorflow-sf",
        ["AZURE_LOCATION"] = Location,
        ["EMAIL_FROM_ADDRESS"] = "mentoring@example.com",
        ["SENDGRID_API_KEY"] = "SG.salesforce-scenario-api-key",
        ["APPROVAL_SIGNING_KEY"] = NewKey(),
        ["CRM_PROVIDER"] = "Salesforce",
        ["SALESFORCE_INSTANCE_URL"] = "https://contoso.my.salesforce.com",
        ["SALESFORCE_LOGIN_URL"] = "https://contoso.my.salesforce.com",
        ["SALESFORCE_CLIENT_ID"] = "3MVG9salesforce-consumer-key",
        ["SALESFORCE_CLIENT_SECRET"] = "salesforce-consumer-secret-value",
    });

    public static IReadOnlyList<DeploymentScenario> All { get; } = [Minimal, Everything, Salesforce];

    public static TheoryData<string> Names => new(All.Select(s => s.Name));

    public static DeploymentScenario Named(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, null);

    /// <summary>This scenario with some variables changed; an empty value unsets one.</summary>
    public DeploymentScenario With(string name, params (string Name, string Value)[] changes)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach (var (variable, value) in changes)
        {
            if (value.Length == 0)
            {
                environment.Remove(variable);
            }
            else
            {
                environment[variable] = value;
            }
        }

        return new DeploymentScenario(name, environment);
    }

    /// <summary>Every secret value the scenario hands to the deployment.</summary>
    public IEnumerable<string> SecretValues =>
        Environment.Where(e => e.Key is "SENDGRID_API_KEY" or "APPROVAL_SIGNING_KEY" or "APPROVAL_PREVIOUS_SIGNING_KEY" or "SALESFORCE_CLIENT_SECRET").Select(e => e.Value);

    // What the docs tell deployers to run: openssl rand -base64 32.
    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // The shape SendGrid shows for the Signed Event Webhook: base64 DER of an ECDSA P-256 public key.
    private static string NewWebhookPublicKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    public override string ToString() => Name;
}
