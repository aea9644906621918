using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MentorFlow.Integrations.Tests.SendGridEvents;

/// <summary>Plays SendGrid: a P-256 key pair that signs UTF-8(timestamp) + body and hands out the public key as SendGrid shows it.</summary>
internal sealed class SendGridSigner : IDisposable
{
    private readonly ECDsa _key;

    public SendGridSigner(ECCurve? curve = null)
    {
        _key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Base64 DER SubjectPublicKeyInfo, the verification key SendGrid's settings page shows.</summary>
    public string PublicKey { get; }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>X-Twilio-Email-Event-Webhook-Signature</c> value for this body and timestamp.</summary>
    public string Sign(byte[] payload, string timestamp, DSASignatureFormat format = DSASignatureFormat.Rfc3279DerSequence)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp), .. payload];
        return Convert.ToBase64String(_key.SignData(signed, HashAlgorithmName.SHA256, format));
    }

    public void Dispose() => _key.Dispose();
}
