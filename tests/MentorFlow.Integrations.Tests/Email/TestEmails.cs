using MentorFlow.Integrations.Email;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Email;

/// <summary>Small builders for the email tests' messages and options.</summary>
internal static class TestEmails
{
    public const string From = "mentoring@contoso.example";
    public const string ApiKey = "SG.test-key";

    public static EmailMessage Message(
        string? programId = null,
        string? key = null,
        IReadOnlyList<EmailAddress>? to = null,
        IReadOnlyList<EmailAddress>? cc = null,
        string subject = "Approve the program charter — Sales Leadership 2027",
        string text = "Hello Ada,\n\nApprove: https://mentorflow.example/api/approvals/a1?decision=approve&t=x1\n",
        string html = "<p>Hello Ada,</p>\n<p><a href=\"https://mentorflow.example/api/approvals/a1?decision=approve&amp;t=x1\">Approve</a></p>\n",
        string purpose = "ApprovalRequest")
    {
        programId ??= "prg-" + Guid.NewGuid().ToString("N")[..10];
        return new EmailMessage(
            programId,
            purpose,
            key ?? $"{programId}/{purpose}/{Guid.NewGuid():N}",
            to ?? [new EmailAddress("ada@contoso.example", "Ada Lovelace")],
            cc ?? [],
            subject,
            html,
            text);
    }

    /// <summary>A digest for <paramref name="count"/> recipients, <c>person1@contoso.example</c> onwards.</summary>
    public static BulkEmailMessage Bulk(int count, string? programId = null, string? key = null, string purpose = "StoryDigest")
    {
        programId ??= "prg-" + Guid.NewGuid().ToString("N")[..10];
        return new BulkEmailMessage(
            programId,
            purpose,
            key ?? $"{programId}/{purpose}/batch-1",
            [.. Enumerable.Range(1, count).Select(n => new EmailAddress($"person{n}@contoso.example", $"Person {n}"))],
            "Stories from the Sales Leadership 2027 pilot",
            "<p>Read the stories: <a href=\"https://mentorflow.example/stories\">here</a></p>\n",
            "Read the stories: https://mentorflow.example/stories\n");
    }

    /// <summary>MentorFlow's public address in these tests: the links of <see cref="Message"/> and <see cref="Bulk"/> are under it.</summary>
    public static readonly Uri PublicBaseUrl = new("https://mentorflow.example/");

    public static IOptions<LinkOptions> Links(Uri? publicBaseUrl = null) =>
        Microsoft.Extensions.Options.Options.Create(new LinkOptions { PublicBaseUrl = publicBaseUrl ?? PublicBaseUrl });

    public static IOptions<EmailOptions> Options(Action<EmailOptions>? change = null)
    {
        var options = new EmailOptions { FromAddress = From, FromName = "MentorFlow" };
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
