using System.ComponentModel.DataAnnotations;

namespace MentorFlow.Workflows.Approvals.Tokens;

/// <summary>
/// The keys that sign approval links (<c>MentorFlow:Approvals</c>). Rotate by moving the current
/// <see cref="SigningKey"/> into <see cref="PreviousSigningKeys"/> and setting a new one: links already in
/// inboxes keep working until they expire, and only the new key signs.
/// </summary>
public sealed class ApprovalTokenOptions : IValidatableObject
{
    public const string Section = "MentorFlow:Approvals";

    /// <summary>HMAC keys shorter than SHA-256's output weaken it, so 32 bytes is the floor.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The key that signs new links: base64 of at least <see cref="MinimumKeyBytes"/> random bytes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Retired keys, still accepted when verifying and never used to sign.</summary>
    public string[] PreviousSigningKeys { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            yield return new ValidationResult(
                $"Set {Section}:SigningKey to a base64 key of at least {MinimumKeyBytes} random bytes (for example `openssl rand -base64 32`) so approval links can be signed.",
                [nameof(SigningKey)]);
        }
        else if (!TryDecodeKey(SigningKey, out _))
        {
            yield return new ValidationResult(
                $"{Section}:SigningKey must be base64 of at least {MinimumKeyBytes} bytes (for example `openssl rand -base64 32`).",
                [nameof(SigningKey)]);
        }

        for (var i = 0; i < (PreviousSigningKeys?.Length ?? 0); i++)
        {
            if (!TryDecodeKey(PreviousSigningKeys![i], out _))
            {
                yield return new ValidationResult(
                    $"{Section}:PreviousSigningKeys:{i} must be base64 of at least {MinimumKeyBytes} bytes, like the signing key it replaced.",
                    [nameof(PreviousSigningKeys)]);
            }
        }
    }

    /// <summary>Decodes a configured key; false when it is not base64 or too short to be a safe HMAC key.</summary>
    internal static bool TryDecodeKey(string? value, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            var decoded = Convert.FromBase64String(value.Trim());
            if (decoded.Length < MinimumKeyBytes)
            {
                return false;
            }

            key = decoded;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
