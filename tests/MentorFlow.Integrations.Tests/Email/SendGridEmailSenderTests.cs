using System.Net;
using System.Text.Json;
using MentorFlow.Integrations.Email;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.ResponseBuilders;

namespace MentorFlow.Integrations.Tests.Email;

/// <summary>The real SendGrid client against a local fake of the v3 API.</summary>
public sealed class SendGridEmailSenderTests : IDisposable
{
    private readonly SendGridFake sendGrid = new();
    private readonly HttpClient httpClient = new();
    private readonly FixedTimeProvider time = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> delays = [];

    public void Dispose()
    {
        httpClient.Dispose();
        sendGrid.Dispose();
    }

    [Fact]
    public async Task SendAsync_Accepted_PostsV3MailWithBearerKeyAndReturnsMessageId()
    {
        sendGrid.Respond(SendGridFake.Accepted("sg-42"));
        var message = TestEmails.Message(
            to: [new EmailAddress("ada@contoso.example", "Ada Lovelace"), new EmailAddress("grace@contoso.example")],
            cc: [new EmailAddress("hr@contoso.example", "HR")]);

        var result = await Sender().SendAsync(message, default);

        Assert.Equal(new EmailSendResult("sg-42", AlreadySent: false), result);
        var request = Assert.Single(sendGrid.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer " + TestEmails.ApiKey, request.Headers!["Authorization"].ToString());

        using var json = JsonDocument.Parse(request.Body!);
        var root = json.RootElement;
        Assert.Equal(TestEmails.From, root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("MentorFlow", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(message.Subject, root.GetProperty("subject").GetString());
        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray());
        Assert.Equal(
            ["ada@contoso.example", "grace@contoso.example"],
            personalization.GetProperty("to").EnumerateArray().Select(a => a.GetProperty("email").GetString()));
        Assert.Equal("Ada Lovelace", personalization.GetProperty("to")[0].GetProperty("name").GetString());
        Assert.Equal("hr@contoso.example", Assert.Single(personalization.GetProperty("cc").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(
            [("text/plain", message.Text), ("text/html", message.Html)],
            root.GetProperty("content").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), c.GetProperty("value").GetString())));
        Assert.Equal(
            new Dictionary<string, string?> { ["mentorflow_key"] = message.IdempotencyKey, ["mentorflow_program"] = message.ProgramId },
            root.GetProperty("custom_args").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
        Assert.Equal([message.Purpose], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.False(root.TryGetProperty("mail_settings", out _));
    }

    [Fact]
    public async Task SendAsync_SandboxMode_SetsMailSettingsSandboxMode()
    {
        sendGrid.Respond(SendGridFake.Accepted());

        await Sender(sandbox: true).SendAsync(TestEmails.Message(), default);

        using var json = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body!);
        Assert.True(json.RootElement.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_AddressInToAndCc_SendsItOnceAsTo()
    {
        sendGrid.Respond(SendGridFake.Accepted());
        var message = TestEmails.Message(
            to: [new EmailAddress("ada@contoso.example")],
            cc: [new EmailAddress("ADA@contoso.example"), new EmailAddress("hr@contoso.example")]);

        await Sender().SendAsync(message, default);

        using var json = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body!);
        var personalization = json.RootElement.GetProperty("personalizations")[0];
        Assert.Equal("ada@contoso.example", Assert.Single(personalization.GetProperty("to").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal("hr@contoso.example", Assert.Single(personalization.GetProperty("cc").EnumerateArray()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterThen202_RetriesOnceAfterTheAskedSecond()
    {
        sendGrid.Respond(SendGridFake.Status(429).WithHeader("Retry-After", "1"), SendGridFake.Accepted("sg-after-429"));

        var result = await Sender().SendAsync(TestEmails.Message(), default);

        Assert.Equal("sg-after-429", result.MessageId);
        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], delays);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        var until = time.Now.AddSeconds(7).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        sendGrid.Respond(SendGridFake.Status(429).WithHeader("Retry-After", until), SendGridFake.Accepted());

        await Sender().SendAsync(TestEmails.Message(), default);

        Assert.Equal([TimeSpan.FromSeconds(7)], delays);
    }

    [Fact]
    public async Task SendAsync_500And503Then202_SucceedsOnThirdCallWithExponentialBackoff()
    {
        sendGrid.Respond(SendGridFake.Status(500), SendGridFake.Status(503), SendGridFake.Accepted("sg-third"));

        var result = await Sender().SendAsync(TestEmails.Message(), default);

        Assert.Equal("sg-third", result.MessageId);
        Assert.Equal(3, sendGrid.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
    }

    [Fact]
    public async Task SendAsync_400WithSendGridErrors_ThrowsEmailSendExceptionWithTheirTextAfterOneCall()
    {
        const string error = "The from address does not match a verified Sender Identity.";
        sendGrid.Respond(Response.Create()
            .WithStatusCode(400)
            .WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"errors":[{"message":"{{error}}","field":"from","help":null}]}"""));

        var exception = await Assert.ThrowsAsync<EmailSendException>(() => Sender().SendAsync(TestEmails.Message(), default));

        Assert.Contains(error, exception.Message, StringComparison.Ordinal);
        Assert.Equal(400, exception.StatusCode);
        Assert.Single(sendGrid.Requests);
        Assert.Empty(delays);
    }

    [Fact]
    public async Task SendAsync_Persistent503_GivesUpAfterMaxAttempts()
    {
        sendGrid.Respond(SendGridFake.Status(503));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => Sender().SendAsync(TestEmails.Message(), default));

        Assert.Equal(SendGridEmailSender.MaxAttempts, sendGrid.Requests.Count);
        Assert.Contains($"gave up after {SendGridEmailSender.MaxAttempts} attempts", exception.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal([1, 2, 4, 8], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanOneSendWaits_ThrowsRetriableWithoutWaiting()
    {
        sendGrid.Respond(SendGridFake.Status(429).WithHeader("Retry-After", "3600"));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => Sender().SendAsync(TestEmails.Message(), default));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Single(sendGrid.Requests);
        Assert.Empty(delays);
    }

    [Fact]
    public async Task SendAsync_NothingListening_RetriesThenGivesUp()
    {
        var closed = new Uri($"http://127.0.0.1:{SendGridFake.FreePort()}");

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => Sender(baseUrl: closed).SendAsync(TestEmails.Message(), default));

        Assert.Contains($"gave up after {SendGridEmailSender.MaxAttempts} attempts", exception.Message, StringComparison.Ordinal);
        Assert.Equal(SendGridEmailSender.MaxAttempts - 1, delays.Count);
    }

    [Fact]
    public async Task SendBulkAsync_ThreeRecipients_OneRequestWithAPersonalizationAndASingleToEach()
    {
        sendGrid.Respond(SendGridFake.Accepted("sg-bulk"));
        var message = TestEmails.Bulk(3);

        var result = await Sender().SendBulkAsync(message, default);

        Assert.Equal(new EmailSendResult("sg-bulk", AlreadySent: false), result);
        using var json = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body!);
        var root = json.RootElement;
        var personalizations = root.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(
            ["person1@contoso.example", "person2@contoso.example", "person3@contoso.example"],
            personalizations.Select(p => Assert.Single(p.GetProperty("to").EnumerateArray()).GetProperty("email").GetString()));
        Assert.Equal("Person 2", personalizations[1].GetProperty("to")[0].GetProperty("name").GetString());
        Assert.All(personalizations, p => Assert.False(p.TryGetProperty("cc", out _)));
        Assert.Equal(message.Subject, root.GetProperty("subject").GetString());
        Assert.Equal(TestEmails.From, root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal(
            [("text/plain", message.Text), ("text/html", message.Html)],
            root.GetProperty("content").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), c.GetProperty("value").GetString())));
        Assert.Equal(
            new Dictionary<string, string?> { ["mentorflow_key"] = message.IdempotencyKey, ["mentorflow_program"] = message.ProgramId },
            root.GetProperty("custom_args").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
        Assert.Equal([message.Purpose], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task SendBulkAsync_MaxRecipients_OneRequestWithThatManyPersonalizations()
    {
        sendGrid.Respond(SendGridFake.Accepted());

        await Sender().SendBulkAsync(TestEmails.Bulk(BulkEmailMessage.MaxRecipients), default);

        using var json = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body!);
        Assert.Equal(BulkEmailMessage.MaxRecipients, json.RootElement.GetProperty("personalizations").GetArrayLength());
    }

    [Fact]
    public async Task SendBulkAsync_OneOverMaxRecipients_ThrowsArgumentExceptionAndSendsNothing()
    {
        sendGrid.Respond(SendGridFake.Accepted());

        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendBulkAsync(TestEmails.Bulk(BulkEmailMessage.MaxRecipients + 1), default));

        Assert.Empty(sendGrid.Requests);
    }

    [Fact]
    public async Task SendBulkAsync_AddressTwice_SendsOneCopy()
    {
        sendGrid.Respond(SendGridFake.Accepted());
        var bulk = TestEmails.Bulk(2);
        var message = bulk with { Recipients = [.. bulk.Recipients, new EmailAddress("PERSON1@contoso.example")] };

        await Sender().SendBulkAsync(message, default);

        using var json = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body!);
        Assert.Equal(2, json.RootElement.GetProperty("personalizations").GetArrayLength());
    }

    [Fact]
    public async Task SendBulkAsync_429WithRetryAfterThen202_RetriesTheSameBody()
    {
        sendGrid.Respond(SendGridFake.Status(429).WithHeader("Retry-After", "2"), SendGridFake.Accepted("sg-bulk-after-429"));

        var result = await Sender().SendBulkAsync(TestEmails.Bulk(5), default);

        Assert.Equal("sg-bulk-after-429", result.MessageId);
        Assert.Equal([TimeSpan.FromSeconds(2)], delays);
        Assert.Equal(sendGrid.Requests[0].Body, sendGrid.Requests[1].Body);
    }

    [Fact]
    public async Task SendBulkAsync_400_ThrowsEmailSendExceptionAfterOneCall()
    {
        sendGrid.Respond(Response.Create()
            .WithStatusCode(400)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"errors":[{"message":"Invalid personalizations.","field":"personalizations"}]}"""));

        var exception = await Assert.ThrowsAsync<EmailSendException>(() => Sender().SendBulkAsync(TestEmails.Bulk(2), default));

        Assert.Contains("Invalid personalizations. (field: personalizations)", exception.Message, StringComparison.Ordinal);
        Assert.Single(sendGrid.Requests);
        Assert.Empty(delays);
    }

    [Fact]
    public void Backoff_ManyAttempts_DoublesFromOneSecondUpToTheCap()
    {
        Assert.Equal(
            [1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(1, 7).Select(a => SendGridEmailSender.Backoff(a).TotalSeconds));
    }

    private SendGridEmailSender Sender(bool sandbox = false, Uri? baseUrl = null) =>
        new(
            httpClient,
            TestEmails.Options(o =>
            {
                o.Provider = EmailProvider.SendGrid;
                o.SendGrid.ApiKey = TestEmails.ApiKey;
                o.SendGrid.BaseUrl = baseUrl ?? sendGrid.BaseUrl;
                o.SendGrid.SandboxMode = sandbox;
            }),
            time,
            NullLogger.Instance,
            (wait, _) =>
            {
                delays.Add(wait);
                return Task.CompletedTask;
            });
}
