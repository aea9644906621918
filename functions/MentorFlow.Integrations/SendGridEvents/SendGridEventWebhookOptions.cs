using System.ComponentModel.DataAnnotations;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// How MentorFlow checks SendGrid's signed Event Webhook (<c>MentorFlow:Email:SendGrid:EventWebhook</c>).
/// Register it only where SendGrid sends the mail: the local outbox has no webhook.
/// </summary>
public sealed class SendGridEventWebhookOptions : IValidatableObject
{
    public const string Section = "MentorFlow:Email:SendGrid:EventWebhook";

    /// <summary>
    /// The verification key SendGrid shows under Mail Settings → Signed Event Webhook: a base64 DER
    /// (SubjectPublicKeyInfo) ECDSA P-256 public key.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>How far a request's timestamp may be from now before it is refused as a replay.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Unset is allowed (the local host has no SendGrid): the endpoint then answers 503 and reads no event.
        if (!string.IsNullOrWhiteSpace(PublicKey) && !SendGridWebhookVerifier.IsP256PublicKey(PublicKey))
        {
            yield return new ValidationResult(
                $"{Section}:PublicKey must be the base64 ECDSA P-256 public key SendGrid shows for the Signed Event Webhook (no PEM header lines).",
                [nameof(PublicKey)]);
        }

        if (MaxClockSkew <= TimeSpan.Zero || MaxClockSkew > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult(
                $"{Section}:MaxClockSkew must be more than zero and at most a day (for example 00:10:00).",
                [nameof(MaxClockSkew)]);
        }
    }
}
