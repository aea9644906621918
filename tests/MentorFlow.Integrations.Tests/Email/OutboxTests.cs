using MentorFlow.Integrations.Email;
using MentorFlow.Workflows.Email;
using MimeKit;

namespace MentorFlow.Integrations.Tests.Email;

/// <summary>The local outbox: .eml files written by <see cref="OutboxEmailSender"/> and read by <see cref="OutboxReader"/>.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mentorflow-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly FixedTimeProvider time = new(new DateTimeOffset(2027, 3, 1, 9, 30, 15, 250, TimeSpan.Zero));
    private readonly OutboxEmailSender sender;
    private readonly OutboxReader reader;

    public OutboxTests()
    {
        var options = TestEmails.Options(o => o.OutboxDirectory = directory);
        sender = new OutboxEmailSender(options, time);
        reader = new OutboxReader(options, TestEmails.Links());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ListAsync_TwoMessages_NewestFirstWithEveryField()
    {
        var first = TestEmails.Message(subject: "First");
        var second = TestEmails.Message(
            subject: "Second",
            to: [new EmailAddress("ada@contoso.example", "Ada Lovelace"), new EmailAddress("grace@contoso.example")],
            cc: [new EmailAddress("hr@contoso.example", "HR")]);
        var firstResult = await sender.SendAsync(first, default);
        time.Now = time.Now.AddMinutes(1);
        var secondResult = await sender.SendAsync(second, default);

        var list = await reader.ListAsync(default);

        Assert.Equal([secondResult.MessageId, firstResult.MessageId], list.Select(m => m.Id));
        var newest = list[0];
        Assert.Equal(["ada@contoso.example", "grace@contoso.example"], newest.To);
        Assert.Equal(["hr@contoso.example"], newest.Cc);
        Assert.Equal("Second", newest.Subject);
        Assert.Equal(time.Now, newest.SentAt);
        Assert.Equal(second.Text, newest.Text);
        Assert.Equal(second.Html, newest.Html);
        Assert.Equal(second.ProgramId, newest.ProgramId);
        Assert.Equal(second.Purpose, newest.Purpose);
        Assert.Equal(["https://mentorflow.example/api/approvals/a1?decision=approve&t=x1"], newest.Links);
        Assert.False(secondResult.AlreadySent);
    }

    [Fact]
    public async Task SendBulkAsync_ThreeRecipients_OneEntryListingThemAllAsTo()
    {
        var message = TestEmails.Bulk(3);

        var result = await sender.SendBulkAsync(message, default);

        var entry = Assert.Single(await reader.ListAsync(default));
        Assert.Equal(result.MessageId, entry.Id);
        Assert.Equal(["person1@contoso.example", "person2@contoso.example", "person3@contoso.example"], entry.To);
        Assert.Empty(entry.Cc);
        Assert.Equal(message.Subject, entry.Subject);
        Assert.Equal(message.Text, entry.Text);
        Assert.Equal(message.Html, entry.Html);
        Assert.Equal(message.ProgramId, entry.ProgramId);
        Assert.Equal(message.Purpose, entry.Purpose);
        Assert.Equal(["https://mentorflow.example/stories"], entry.Links);
    }

    [Fact]
    public async Task SendBulkAsync_OneOverMaxRecipients_ThrowsArgumentExceptionAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendBulkAsync(TestEmails.Bulk(BulkEmailMessage.MaxRecipients + 1), default));

        Assert.Empty(await reader.ListAsync(default));
    }

    [Fact]
    public async Task SendAsync_SameMillisecond_StillListsNewestFirst()
    {
        var results = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            results.Add((await sender.SendAsync(TestEmails.Message(subject: $"Message {i}"), default)).MessageId);
        }

        var list = await reader.ListAsync(default);

        Assert.Equal(Enumerable.Reverse(results), list.Select(m => m.Id));
    }

    [Fact]
    public async Task SendAsync_FileName_IsUtcStampDashId()
    {
        var result = await sender.SendAsync(TestEmails.Message(), default);

        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.Equal($"20270301T093015250-{result.MessageId}.eml", Path.GetFileName(file));
    }

    [Fact]
    public async Task SendAsync_HtmlWithScript_IsStoredExactlyAsGiven()
    {
        const string html = "<p>Hello <script>alert('x')</script> &amp; welcome</p>\n";

        await sender.SendAsync(TestEmails.Message(html: html), default);

        var message = Assert.Single(await reader.ListAsync(default));
        Assert.Equal(html, message.Html);
    }

    [Fact]
    public async Task SendAsync_NonAsciiTrailingSpacesAndLongLines_RoundTripExactly()
    {
        var text = "Hello Zoë Ångström,   \n" + new string('x', 1500) + "\n";
        var html = "<p>Hello Zoë Ångström,</p>   \n<p>" + new string('y', 1500) + "</p>\n";

        await sender.SendAsync(TestEmails.Message(text: text, html: html), default);

        var message = Assert.Single(await reader.ListAsync(default));
        Assert.Equal(text, message.Text);
        Assert.Equal(html, message.Html);
    }

    [Fact]
    public async Task SendAsync_File_ParsesBackWithMimeKitAsMultipartAlternative()
    {
        var email = TestEmails.Message(cc: [new EmailAddress("hr@contoso.example", "HR")]);
        await sender.SendAsync(email, default);

        using var mime = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(directory)));

        var body = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Equal(TestEmails.From, Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("Ada Lovelace", Assert.Single(mime.To.Mailboxes).Name);
        Assert.Equal("hr@contoso.example", Assert.Single(mime.Cc.Mailboxes).Address);
        Assert.Equal(email.Subject, mime.Subject);
        Assert.Equal(time.Now.AddMilliseconds(-time.Now.Millisecond), mime.Date); // the Date header holds whole seconds
        Assert.False(string.IsNullOrEmpty(mime.MessageId));
        Assert.Equal(email.IdempotencyKey, mime.Headers["X-MentorFlow-Key"]);
        Assert.Equal(email.ProgramId, mime.Headers["X-MentorFlow-Program"]);
        Assert.Equal(email.Purpose, mime.Headers["X-MentorFlow-Purpose"]);
    }

    [Fact]
    public async Task SendAsync_Written_LeavesNoTemporaryFile()
    {
        await sender.SendAsync(TestEmails.Message(), default);

        Assert.All(Directory.GetFiles(directory), f => Assert.Equal(".eml", Path.GetExtension(f)));
    }

    [Fact]
    public async Task ListAsync_NoOutboxYet_IsEmpty()
    {
        Assert.Empty(await reader.ListAsync(default));
    }

    [Fact]
    public async Task ListAsync_EmailQuotingOtherUrls_ListsOnlyMentorFlowsOwnLinks()
    {
        const string text = """
            Approve: https://mentorflow.example/api/approvals/a1?decision=approve&t=x1
            Our intranet: https://intranet.contoso.example/mentoring
            Look-alikes: https://mentorflow.example.evil.example/api/approvals/a1 https://mentorflow.example@evil.example/api/approvals/a1
            Other ports and schemes: https://mentorflow.example:8443/api/approvals/a1 http://mentorflow.example/api/approvals/a1
            """;
        const string html = """
            <p><a href="https://mentorflow.example/api/checkins/c1">Check in</a>
            <a href="https://www.linkedin.com/learning/mentoring">A course the sponsor recommends</a></p>
            """;

        await sender.SendAsync(TestEmails.Message(text: text, html: html), default);

        var message = Assert.Single(await reader.ListAsync(default));
        Assert.Equal(["https://mentorflow.example/api/approvals/a1?decision=approve&t=x1", "https://mentorflow.example/api/checkins/c1"], message.Links);
    }

    [Fact]
    public void Under_BaseUrlWithPath_KeepsOnlyLinksBelowThatPath()
    {
        string[] links =
        [
            "https://contoso.example/mentorflow/api/approvals/a1",
            "https://CONTOSO.example/mentorflow/api/stories/s1",
            "https://contoso.example/mentorflow-old/api/approvals/a1",
            "https://contoso.example/intranet",
            "not a url",
        ];

        var own = OutboxLinks.Under(new Uri("https://contoso.example/mentorflow"), links);

        Assert.Equal(["https://contoso.example/mentorflow/api/approvals/a1", "https://CONTOSO.example/mentorflow/api/stories/s1"], own);
    }

    [Fact]
    public async Task ListAsync_WithoutPublicBaseUrl_ThrowsNamingTheSetting()
    {
        var unconfigured = new OutboxReader(TestEmails.Options(o => o.OutboxDirectory = directory), Microsoft.Extensions.Options.Options.Create(new LinkOptions()));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => unconfigured.ListAsync(default));

        Assert.Contains("MentorFlow:PublicBaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TextAndHtml_EveryLinkOnceInOrderDecoded()
    {
        const string text = "Approve: https://a.example/x?y=1&z=2.\nDecline (https://a.example/d).\nAgain https://a.example/x?y=1&z=2";
        const string html = "<a href=\"https://a.example/x?y=1&amp;z=2\">A</a> <a href='http://b.example/p'>B</a> &lt;https://c.example/q&gt;";

        var links = OutboxLinks.Find(text, html);

        Assert.Equal(["https://a.example/x?y=1&z=2", "https://a.example/d", "http://b.example/p", "https://c.example/q"], links);
    }
}
