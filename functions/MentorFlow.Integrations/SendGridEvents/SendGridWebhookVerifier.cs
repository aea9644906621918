using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>
/// Checks that an Event Webhook request came from SendGrid, as SendGrid's own libraries do: an ECDSA P-256 /
/// SHA-256 signature (base64 DER) over the UTF-8 timestamp header followed by the raw body. On top of that it
/// refuses timestamps too far from now, so a captured request cannot be replayed later.
/// </summary>
public sealed class SendGridWebhookVerifier
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    // A DER P-256 signature is at most 72 bytes (96 base64 characters); timestamps are unix seconds. Longer
    // header values are not SendGrid's and are refused before any decoding.
    private const int MaxSignatureLength = 128;
    private const int MaxTimestampLength = 20;

    // nistP256 (secp256r1), the only curve SendGrid signs with.
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly SendGridEventWebhookOptions _options;
    private readonly TimeProvider _timeProvider;

    public SendGridWebhookVerifier(IOptions<SendGridEventWebhookOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The full check of a webhook request with the configured key: a valid signature and a timestamp within
    /// <see cref="SendGridEventWebhookOptions.MaxClockSkew"/> of now. False for anything missing or garbled.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> payload, string? signatureBase64, string? timestamp) =>
        IsFresh(timestamp, _timeProvider.GetUtcNow(), _options.MaxClockSkew)
        && Verify(_options.PublicKey ?? "", payload, signatureBase64, timestamp);

    /// <summary>
    /// SendGrid's signature check alone (no freshness): <paramref name="signatureBase64"/> is the
    /// <see cref="SignatureHeader"/> value, <paramref name="timestamp"/> the <see cref="TimestampHeader"/> value and
    /// <paramref name="payload"/> the request body exactly as received. Never throws; false for anything missing or garbled.
    /// </summary>
    public static bool Verify(string publicKeyBase64, ReadOnlySpan<byte> payload, string? signatureBase64, string? timestamp)
    {
        if (string.IsNullOrWhiteSpace(publicKeyBase64)
            || string.IsNullOrEmpty(signatureBase64) || signatureBase64.Length > MaxSignatureLength
            || string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampLength)
        {
            return false;
        }

        var signature = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64.Trim(), signature, out var signatureLength))
        {
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[timestampBytes.Length + payload.Length];
        timestampBytes.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(timestampBytes.Length));

        try
        {
            using var key = ImportPublicKey(publicKeyBase64);
            return key is not null && key.VerifyData(
                signed,
                signature.AsSpan(0, signatureLength),
                HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // Some platforms throw rather than answer false for a signature that is not valid DER.
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="timestamp"/> (unix seconds, as SendGrid sends it) is within
    /// <paramref name="maxClockSkew"/> of <paramref name="now"/>, in either direction.
    /// </summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan maxClockSkew)
    {
        if (string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampLength
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - seconds);
        return skew <= (long)maxClockSkew.TotalSeconds;
    }

    /// <summary>Whether <paramref name="publicKeyBase64"/> is a base64 SubjectPublicKeyInfo of a P-256 key.</summary>
    internal static bool IsP256PublicKey(string publicKeyBase64)
    {
        try
        {
            using var key = ImportPublicKey(publicKeyBase64);
            return key is not null;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // Null when the text is not base64 or not a P-256 key; SendGrid only signs with P-256.
    private static ECDsa? ImportPublicKey(string publicKeyBase64)
    {
        byte[] der;
        try
        {
            der = Convert.FromBase64String(publicKeyBase64.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length || key.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value != P256Oid)
            {
                key.Dispose();
                return null;
            }

            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }
}
