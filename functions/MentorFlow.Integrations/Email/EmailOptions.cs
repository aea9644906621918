using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// How MentorFlow sends email (<c>MentorFlow:Email</c>): the provider, the sender, and the provider's own settings.
/// Every problem is reported at start-up with the name of the setting to fix.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "MentorFlow:Email";

    /// <summary><see cref="EmailProvider.Outbox"/> (the default: local runs and tests) or <see cref="EmailProvider.SendGrid"/>.</summary>
    public EmailProvider Provider { get; set; } = EmailProvider.Outbox;

    /// <summary>The sender's address; with SendGrid it must be a verified sender or on an authenticated domain.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "MentorFlow";

    /// <summary>SendGrid's settings, used when <see cref="Provider"/> is <see cref="EmailProvider.SendGrid"/>.</summary>
    public SendGridOptions SendGrid { get; set; } = new();

    /// <summary>Where the outbox writes its .eml files; the local host sets <c>&lt;data dir&gt;/outbox</c>.</summary>
    public string? OutboxDirectory { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult(
                $"{Section}:Provider must be {EmailProvider.Outbox} or {EmailProvider.SendGrid}.", [nameof(Provider)]);
        }

        if (string.IsNullOrWhiteSpace(FromAddress))
        {
            yield return new ValidationResult(
                $"Set {Section}:FromAddress to the address MentorFlow's email is sent from.", [nameof(FromAddress)]);
        }
        else if (!IsPlainAddress(FromAddress))
        {
            yield return new ValidationResult(
                $"{Section}:FromAddress must be a plain email address such as mentoring@example.com (the name goes in {Section}:FromName).",
                [nameof(FromAddress)]);
        }

        if (string.IsNullOrWhiteSpace(FromName))
        {
            yield return new ValidationResult($"{Section}:FromName may not be empty.", [nameof(FromName)]);
        }

        if (Provider == EmailProvider.SendGrid)
        {
            if (string.IsNullOrWhiteSpace(SendGrid?.ApiKey))
            {
                yield return new ValidationResult(
                    $"Set {Section}:SendGrid:ApiKey (a SendGrid API key with Mail Send permission) when {Section}:Provider is SendGrid.",
                    [nameof(SendGrid)]);
            }

            if (SendGrid?.BaseUrl is { } baseUrl && !(baseUrl.IsAbsoluteUri && (baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.Scheme == Uri.UriSchemeHttp)))
            {
                yield return new ValidationResult(
                    $"{Section}:SendGrid:BaseUrl must be an absolute http(s) URL such as https://api.eu.sendgrid.com.", [nameof(SendGrid)]);
            }
        }

        if (Provider == EmailProvider.Outbox && string.IsNullOrWhiteSpace(OutboxDirectory))
        {
            yield return new ValidationResult(
                $"Set {Section}:OutboxDirectory to the folder the outbox writes .eml files to (or set {Section}:Provider to SendGrid).",
                [nameof(OutboxDirectory)]);
        }
    }

    // A bare address only: "Name <a@b>" parses too, but the name belongs in FromName.
    private static bool IsPlainAddress(string value) =>
        MailAddress.TryCreate(value, out var parsed) && parsed.Address == value.Trim() && string.IsNullOrEmpty(parsed.DisplayName);
}
