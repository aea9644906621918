using System.ComponentModel.DataAnnotations;
using MentorFlow.Workflows.Approvals.Tokens;

namespace MentorFlow.Workflows.Tests.Approvals.Tokens;

public class ApprovalTokenOptionsTests
{
    [Fact]
    public void Validate_CurrentAndPreviousKeys_Passes()
    {
        var options = new ApprovalTokenOptions { SigningKey = TokenKeys.NewKey(), PreviousSigningKeys = [TokenKeys.NewKey(64)] };

        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoSigningKey_NamesSetting(string? signingKey)
    {
        var errors = Validate(new ApprovalTokenOptions { SigningKey = signingKey });

        Assert.Contains(errors, e => e.Contains("Set MentorFlow:Approvals:SigningKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMQ==")] // 31 bytes
    public void Validate_UnusableSigningKey_NamesSetting(string signingKey)
    {
        var errors = Validate(new ApprovalTokenOptions { SigningKey = signingKey });

        Assert.Equal(["MentorFlow:Approvals:SigningKey must be base64 of at least 32 bytes (for example `openssl rand -base64 32`)."], errors);
    }

    [Fact]
    public void Validate_UnusablePreviousKey_NamesSettingAndIndex()
    {
        var options = new ApprovalTokenOptions
        {
            SigningKey = TokenKeys.NewKey(),
            PreviousSigningKeys = [TokenKeys.NewKey(), "short"],
        };

        var errors = Validate(options);

        Assert.Contains(errors, e => e.StartsWith("MentorFlow:Approvals:PreviousSigningKeys:1 ", StringComparison.Ordinal));
    }

    private static List<string> Validate(ApprovalTokenOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
