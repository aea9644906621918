using System.ComponentModel.DataAnnotations;
using MentorFlow.Integrations.Email;

namespace MentorFlow.Integrations.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public void Validate_OutboxWithFromAndDirectory_IsValid()
    {
        Assert.Empty(Problems(new EmailOptions { FromAddress = TestEmails.From, OutboxDirectory = "/tmp/outbox" }));
    }

    [Fact]
    public void Validate_NoFromAddress_NamesTheSetting()
    {
        var problem = Assert.Single(Problems(new EmailOptions { OutboxDirectory = "/tmp/outbox" }));

        Assert.Contains("MentorFlow:Email:FromAddress", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("MentorFlow <mentoring@contoso.example>")]
    public void Validate_FromAddressNotAPlainAddress_NamesTheSetting(string from)
    {
        var problem = Assert.Single(Problems(new EmailOptions { FromAddress = from, OutboxDirectory = "/tmp/outbox" }));

        Assert.Contains("MentorFlow:Email:FromAddress", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SendGridWithoutApiKey_NamesTheSetting()
    {
        var problem = Assert.Single(Problems(new EmailOptions { FromAddress = TestEmails.From, Provider = EmailProvider.SendGrid }));

        Assert.Contains("MentorFlow:Email:SendGrid:ApiKey", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SendGridWithRelativeBaseUrl_NamesTheSetting()
    {
        var options = new EmailOptions { FromAddress = TestEmails.From, Provider = EmailProvider.SendGrid };
        options.SendGrid.ApiKey = TestEmails.ApiKey;
        options.SendGrid.BaseUrl = new Uri("/fake", UriKind.Relative);

        var problem = Assert.Single(Problems(options));

        Assert.Contains("MentorFlow:Email:SendGrid:BaseUrl", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutboxWithoutDirectory_NamesTheSetting()
    {
        var problem = Assert.Single(Problems(new EmailOptions { FromAddress = TestEmails.From }));

        Assert.Contains("MentorFlow:Email:OutboxDirectory", problem, StringComparison.Ordinal);
    }

    private static List<string> Problems(EmailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
