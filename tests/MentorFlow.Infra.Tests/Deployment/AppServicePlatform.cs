using System.Text.RegularExpressions;
using MentorFlow.Infra.Tests.Arm;

namespace MentorFlow.Infra.Tests.Deployment;

/// <summary>
/// What the app's configuration holds once Azure has deployed it: Key Vault references resolved to the secret the
/// same deployment stored, and values only Azure knows (host names, client ids, endpoints) replaced by stand-ins of
/// the right shape.
/// </summary>
public static partial class AppServicePlatform
{
    /// <summary>The app settings as environment variables of the running app.</summary>
    public static Dictionary<string, string> ResolvedAppSettings(ArmDeployment deployment)
    {
        var resolved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in deployment.AppSettings())
        {
            resolved[name] = StandIns(ResolveKeyVaultReference(deployment, name, value));
        }

        return resolved;
    }

    /// <summary>The secret resource a Key Vault reference points at, or null when the value is not a reference.</summary>
    public static ArmResource? ReferencedSecret(ArmDeployment deployment, string value)
    {
        var match = KeyVaultReference().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var uri = RuntimeValue.Find(match.Groups["uri"].Value).SingleOrDefault();
        return uri.Path is "secretUriWithVersion" or "secretUri" ? deployment.FindById(uri.ResourceId) : null;
    }

    /// <summary>Whether a value is a Key Vault reference: <c>@Microsoft.KeyVault(SecretUri=…)</c>.</summary>
    public static bool IsKeyVaultReference(string value) => KeyVaultReference().IsMatch(value);

    private static string ResolveKeyVaultReference(ArmDeployment deployment, string name, string value)
    {
        if (!IsKeyVaultReference(value))
        {
            return value;
        }

        var secret = ReferencedSecret(deployment, value)
            ?? throw new InvalidOperationException($"App setting {name} is a Key Vault reference to no secret this deployment stores: {value}");
        return secret.Properties["value"]!.GetValue<string>();
    }

    // Runtime values by the property read: the shapes Azure gives them.
    private static string StandIns(string value)
    {
        foreach (var (resourceId, path, text) in RuntimeValue.Find(value).ToList())
        {
            var name = resourceId[(resourceId.LastIndexOf('/') + 1)..];
            var standIn = path switch
            {
                "clientId" or "principalId" => "3f1c2a57-6a0e-4c53-9b0a-1d2e3f4a5b6c",
                "defaultHostName" => $"{name}.azurewebsites.net",
                "primaryEndpoints.blob" => $"https://{name}.blob.core.windows.net/",
                "primaryEndpoints.queue" => $"https://{name}.queue.core.windows.net/",
                "primaryEndpoints.table" => $"https://{name}.table.core.windows.net/",
                "ConnectionString" => "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/",
                "vaultUri" => $"https://{name}.vault.azure.net/",
                _ => throw new InvalidOperationException($"No stand-in for '{path}' of {resourceId}: add one here."),
            };
            value = value.Replace(text, standIn, StringComparison.Ordinal);
        }

        return value;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=(?<uri>[^)]+)\)$")]
    private static partial Regex KeyVaultReference();
}
