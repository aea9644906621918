using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using MentorFlow.Integrations.SendGridEvents;

namespace MentorFlow.Integrations.Tests.SendGridEvents;

public class SendGridEventWebhookOptionsTests
{
    [Fact]
    public void MaxClockSkew_NotConfigured_IsTenMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), new SendGridEventWebhookOptions().MaxClockSkew);
    }

    [Fact]
    public void Validate_P256PublicKey_Passes()
    {
        using var sendGrid = new SendGridSigner();

        Assert.Empty(Validate(new SendGridEventWebhookOptions { PublicKey = sendGrid.PublicKey }));
    }

    [Fact]
    public void Validate_NoPublicKey_IsAllowedSoHostsWithoutSendGridStart()
    {
        // The webhook endpoint answers 503 until the key is set; a host without SendGrid must still start.
        var errors = Validate(new SendGridEventWebhookOptions());

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_PemInsteadOfBase64_NamesSetting()
    {
        using var sendGrid = new SendGridSigner();
        var pem = $"-----BEGIN PUBLIC KEY-----\n{sendGrid.PublicKey}\n-----END PUBLIC KEY-----";

        var errors = Validate(new SendGridEventWebhookOptions { PublicKey = pem });

        Assert.Contains(errors, e => e.StartsWith("MentorFlow:Email:SendGrid:EventWebhook:PublicKey must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KeyOnAnotherCurve_NamesSetting()
    {
        using var p384 = new SendGridSigner(ECCurve.NamedCurves.nistP384);

        var errors = Validate(new SendGridEventWebhookOptions { PublicKey = p384.PublicKey });

        Assert.Contains(errors, e => e.StartsWith("MentorFlow:Email:SendGrid:EventWebhook:PublicKey must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("2.00:00:00")]
    public void Validate_UnusableClockSkew_NamesSetting(string skew)
    {
        using var sendGrid = new SendGridSigner();
        var options = new SendGridEventWebhookOptions { PublicKey = sendGrid.PublicKey, MaxClockSkew = TimeSpan.Parse(skew, System.Globalization.CultureInfo.InvariantCulture) };

        var errors = Validate(options);

        Assert.Contains(errors, e => e.StartsWith("MentorFlow:Email:SendGrid:EventWebhook:MaxClockSkew ", StringComparison.Ordinal));
    }

    private static List<string> Validate(SendGridEventWebhookOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
