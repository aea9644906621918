using System.ComponentModel.DataAnnotations;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// Where MentorFlow keeps its tables (<c>MentorFlow:Storage</c>): a connection string (Azurite, local runs) or,
/// in Azure, the table service URI reached with the app's managed identity.
/// </summary>
public sealed class TableStorageOptions : IValidatableObject
{
    public const string Section = "MentorFlow:Storage";

    /// <summary>A storage connection string; takes precedence over <see cref="TableServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, e.g. <c>https://account.table.core.windows.net</c>, used with managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when one is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name (letters and digits); lets tests and tenants share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,30}$", ErrorMessage = "MentorFlow:Storage:TablePrefix must start with a letter and hold only letters and digits (at most 31).")]
    public string TablePrefix { get; set; } = "MentorFlow";

    /// <summary>How the table client retries (<c>MentorFlow:Storage:Retry</c>); unset values keep the Azure SDK's defaults.</summary>
    public StorageRetryOptions Retry { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && TableServiceUri is null)
        {
            yield return new ValidationResult(
                "Set MentorFlow:Storage:ConnectionString or MentorFlow:Storage:TableServiceUri so MentorFlow can store programs.",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
        }
    }
}
