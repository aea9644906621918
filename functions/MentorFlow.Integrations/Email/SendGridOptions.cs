namespace MentorFlow.Integrations.Email;

/// <summary>SendGrid settings (<c>MentorFlow:Email:SendGrid</c>); validated by <see cref="EmailOptions"/>.</summary>
public sealed class SendGridOptions
{
    /// <summary>The API key (needs the Mail Send permission). Required when the provider is SendGrid.</summary>
    public string? ApiKey { get; set; }

    /// <summary>SendGrid validates each message and answers as usual, but delivers nothing.</summary>
    public bool SandboxMode { get; set; }

    /// <summary>
    /// Where the API lives, when not <c>https://api.sendgrid.com</c>: the EU region, or a local fake in tests.
    /// Requests go to <c>{BaseUrl}/v3/mail/send</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }
}
