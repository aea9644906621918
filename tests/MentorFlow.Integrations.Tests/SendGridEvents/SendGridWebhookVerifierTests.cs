using System.Security.Cryptography;
using System.Text;
using MentorFlow.Integrations.SendGridEvents;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.SendGridEvents;

public sealed class SendGridWebhookVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private readonly SendGridSigner _sendGrid = new();
    private readonly byte[] _payload = new SendGridEventBatch().Processed().Delivered().Bounce("550 5.1.1 No such user").ToUtf8();
    private readonly string _timestamp = SendGridSigner.Timestamp(Now);

    public void Dispose() => _sendGrid.Dispose();

    [Fact]
    public void Verify_CorrectlySignedBatch_ReturnsTrue()
    {
        var signature = _sendGrid.Sign(_payload, _timestamp);

        Assert.True(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, _timestamp));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Verify_PayloadWithOneByteChanged_ReturnsFalse(int position)
    {
        var signature = _sendGrid.Sign(_payload, _timestamp);
        var changed = _payload.ToArray();
        var index = position < 0 ? changed.Length - 1 : position;
        changed[index] ^= 0x01;

        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, changed, signature, _timestamp));
    }

    [Fact]
    public void Verify_PayloadWithExtraWhitespace_ReturnsFalse()
    {
        // The raw body is what is signed: re-serialising it, even just its whitespace, breaks the signature.
        var signature = _sendGrid.Sign(_payload, _timestamp);

        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, [.. _payload, (byte)'\n'], signature, _timestamp));
    }

    [Fact]
    public void Verify_OtherTimestampThanSigned_ReturnsFalse()
    {
        var signature = _sendGrid.Sign(_payload, _timestamp);

        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, SendGridSigner.Timestamp(Now.AddSeconds(1))));
    }

    [Fact]
    public void Verify_SignatureOfAnotherKey_ReturnsFalse()
    {
        using var impostor = new SendGridSigner();
        var signature = impostor.Sign(_payload, _timestamp);

        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, _timestamp));
    }

    [Fact]
    public void Verify_SignatureNotInDerFormat_ReturnsFalse()
    {
        var signature = _sendGrid.Sign(_payload, _timestamp, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, _timestamp));
    }

    [Theory]
    [InlineData(null, "1795000000")]
    [InlineData("", "1795000000")]
    [InlineData("MEUCIQ==", null)]
    [InlineData("MEUCIQ==", "")]
    [InlineData(null, null)]
    public void Verify_MissingHeader_ReturnsFalse(string? signature, string? timestamp)
    {
        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, timestamp));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("MEUCIQ==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_GarbageSignature_ReturnsFalse(string signature)
    {
        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, _timestamp));
    }

    [Fact]
    public void Verify_VeryLongSignature_ReturnsFalse()
    {
        var signature = Convert.ToBase64String(RandomNumberGenerator.GetBytes(100_000));

        Assert.False(SendGridWebhookVerifier.Verify(_sendGrid.PublicKey, _payload, signature, _timestamp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE")]
    public void Verify_GarbagePublicKey_ReturnsFalse(string publicKey)
    {
        var signature = _sendGrid.Sign(_payload, _timestamp);

        Assert.False(SendGridWebhookVerifier.Verify(publicKey, _payload, signature, _timestamp));
    }

    [Fact]
    public void Verify_KeyOnAnotherCurve_ReturnsFalse()
    {
        using var p384 = new SendGridSigner(ECCurve.NamedCurves.nistP384);
        var signature = p384.Sign(_payload, _timestamp);

        Assert.False(SendGridWebhookVerifier.Verify(p384.PublicKey, _payload, signature, _timestamp));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-600, true)]
    [InlineData(600, true)]
    [InlineData(-601, false)]
    [InlineData(601, false)]
    [InlineData(-86_400, false)]
    public void IsFresh_TimestampOffsetFromNow_AcceptsOnlyWithinSkew(int offsetSeconds, bool expected)
    {
        var timestamp = SendGridSigner.Timestamp(Now.AddSeconds(offsetSeconds));

        Assert.Equal(expected, SendGridWebhookVerifier.IsFresh(timestamp, Now, TimeSpan.FromMinutes(10)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1795000000")]
    [InlineData(" 1795000000")]
    [InlineData("1795000000.5")]
    [InlineData("99999999999999999999999")]
    public void IsFresh_NotUnixSeconds_ReturnsFalse(string? timestamp)
    {
        Assert.False(SendGridWebhookVerifier.IsFresh(timestamp, Now, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void VerifyRequest_SignedAndFresh_ReturnsTrue()
    {
        var verifier = Verifier(new ManualTimeProvider(Now.AddMinutes(2)));

        Assert.True(verifier.Verify(_payload, _sendGrid.Sign(_payload, _timestamp), _timestamp));
    }

    [Fact]
    public void VerifyRequest_SignedButStale_ReturnsFalse()
    {
        // A captured request replayed later: the signature still holds, the timestamp gives it away.
        var signature = _sendGrid.Sign(_payload, _timestamp);
        var verifier = Verifier(new ManualTimeProvider(Now.AddMinutes(11)));

        Assert.False(verifier.Verify(_payload, signature, _timestamp));
    }

    [Fact]
    public void VerifyRequest_FreshButSignedByAnotherKey_ReturnsFalse()
    {
        using var impostor = new SendGridSigner();
        var verifier = Verifier(new ManualTimeProvider(Now));

        Assert.False(verifier.Verify(_payload, impostor.Sign(_payload, _timestamp), _timestamp));
    }

    [Fact]
    public void Verify_SignatureMadeBySendGridsEcdsaLibrary_ReturnsTrue()
    {
        // starkbank-ecdsa is the library SendGrid's own C# helper verifies with; a signature it makes must pass here.
        var privateKey = new EllipticCurve.PrivateKey("p256", null);
        var publicKey = Convert.ToBase64String(privateKey.publicKey().toDer());
        var body = Encoding.UTF8.GetString(_payload);
        var signature = EllipticCurve.Ecdsa.sign(_timestamp + body, privateKey).toBase64();

        Assert.True(SendGridWebhookVerifier.Verify(publicKey, _payload, signature, _timestamp));
    }

    [Fact]
    public void SendGridRequestValidator_TestSignersSignature_Accepts()
    {
        // Keeps the test signer honest: SendGrid's own validator accepts what it produces.
        var validator = new SendGrid.Helpers.EventWebhook.RequestValidator();
        var signature = _sendGrid.Sign(_payload, _timestamp);

        var accepted = validator.VerifySignature(
            validator.ConvertPublicKeyToECDSA(_sendGrid.PublicKey), Encoding.UTF8.GetString(_payload), signature, _timestamp);

        Assert.True(accepted);
    }

    [Fact]
    public void Headers_AreSendGridsNames()
    {
        Assert.Equal(SendGrid.Helpers.EventWebhook.RequestValidator.SIGNATURE_HEADER, SendGridWebhookVerifier.SignatureHeader);
        Assert.Equal(SendGrid.Helpers.EventWebhook.RequestValidator.TIMESTAMP_HEADER, SendGridWebhookVerifier.TimestampHeader);
    }

    private SendGridWebhookVerifier Verifier(TimeProvider time) =>
        new(Options.Create(new SendGridEventWebhookOptions { PublicKey = _sendGrid.PublicKey }), time);
}
