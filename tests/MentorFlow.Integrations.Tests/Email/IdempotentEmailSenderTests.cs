using Azure.Data.Tables;
using MentorFlow.Integrations.Email;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Email;

/// <summary>Once-only sending over a real ledger table on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdempotentEmailSenderTests
{
    private readonly FixedTimeProvider time = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingEmailSender provider = new();
    private readonly TableEmailLedger ledger;
    private readonly IdempotentEmailSender sender;

    public IdempotentEmailSenderTests(AzuriteFixture azurite)
    {
        ledger = new TableEmailLedger(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12] }));
        sender = new IdempotentEmailSender(provider, ledger, time, NullLogger<IdempotentEmailSender>.Instance);
    }

    [Fact]
    public async Task SendAsync_SameMessageTwice_SendsOnceAndAnswersAlreadySent()
    {
        var message = TestEmails.Message();

        var first = await sender.SendAsync(message, default);
        var second = await sender.SendAsync(message, default);

        Assert.Single(provider.Sent);
        Assert.Equal(new EmailSendResult("msg-1", AlreadySent: false), first);
        Assert.Equal(new EmailSendResult("msg-1", AlreadySent: true), second);
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_SendsEach()
    {
        var programId = "prg-" + Guid.NewGuid().ToString("N")[..10];
        var toAda = TestEmails.Message(programId, key: $"{programId}/approval/ada", to: [new EmailAddress("ada@contoso.example")]);
        var toGrace = TestEmails.Message(programId, key: $"{programId}/approval/grace", to: [new EmailAddress("grace@contoso.example")]);

        var first = await sender.SendAsync(toAda, default);
        var second = await sender.SendAsync(toGrace, default);

        Assert.Equal([toAda, toGrace], provider.Sent);
        Assert.False(first.AlreadySent);
        Assert.False(second.AlreadySent);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    [Fact]
    public async Task SendAsync_Sent_RecordsKeyPurposeStateMessageIdAndTime()
    {
        var message = TestEmails.Message();

        await sender.SendAsync(message, default);

        var entity = (await ledger.Table.GetEntityAsync<TableEntity>(message.ProgramId, TableEmailLedger.RowKey(message.IdempotencyKey))).Value;
        Assert.Equal(message.IdempotencyKey, entity.GetString("Key"));
        Assert.Equal(message.Purpose, entity.GetString("Purpose"));
        Assert.Equal("Sent", entity.GetString("State"));
        Assert.Equal("msg-1", entity.GetString("MessageId"));
        Assert.Equal(time.Now, entity.GetDateTimeOffset("SentAt"));
        Assert.Equal(64, entity.RowKey.Length);
    }

    [Fact]
    public async Task SendAsync_ProviderFailed_LeavesSendingAndARetrySends()
    {
        var message = TestEmails.Message();
        provider.FailNext = new HttpRequestException("SendGrid answered 503; gave up after 5 attempts.");
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(message, default));
        Assert.Equal(EmailLedgerState.Sending, (await ledger.GetAsync(message.ProgramId, message.IdempotencyKey, default))!.State);

        var retried = await sender.SendAsync(message, default);

        Assert.False(retried.AlreadySent);
        Assert.Equal(2, provider.Sent.Count);
        Assert.Equal(EmailLedgerState.Sent, (await ledger.GetAsync(message.ProgramId, message.IdempotencyKey, default))!.State);
    }

    [Fact]
    public async Task SendAsync_OverTheOutbox_WritesOneFileForTwoSends()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mentorflow-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outbox = new OutboxEmailSender(TestEmails.Options(o => o.OutboxDirectory = directory), time);
            var overOutbox = new IdempotentEmailSender(outbox, ledger, time, NullLogger<IdempotentEmailSender>.Instance);
            var message = TestEmails.Message();

            var first = await overOutbox.SendAsync(message, default);
            var second = await overOutbox.SendAsync(message, default);

            Assert.Single(Directory.GetFiles(directory));
            Assert.Equal(first.MessageId, second.MessageId);
            Assert.True(second.AlreadySent);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SendBulkAsync_SameBatchTwice_SendsOnceAndAnswersAlreadySent()
    {
        var message = TestEmails.Bulk(3);

        var first = await sender.SendBulkAsync(message, default);
        var second = await sender.SendBulkAsync(message, default);

        Assert.Equal([message], provider.SentBulk);
        Assert.Equal(new EmailSendResult("bulk-1", AlreadySent: false), first);
        Assert.Equal(new EmailSendResult("bulk-1", AlreadySent: true), second);
        Assert.Equal(EmailLedgerState.Sent, (await ledger.GetAsync(message.ProgramId, message.IdempotencyKey, default))!.State);
    }

    [Fact]
    public async Task SendBulkAsync_ProviderFailed_LeavesSendingAndARetrySends()
    {
        var message = TestEmails.Bulk(2);
        provider.FailNext = new HttpRequestException("SendGrid answered 503; gave up after 5 attempts.");
        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendBulkAsync(message, default));
        Assert.Equal(EmailLedgerState.Sending, (await ledger.GetAsync(message.ProgramId, message.IdempotencyKey, default))!.State);

        var retried = await sender.SendBulkAsync(message, default);

        Assert.False(retried.AlreadySent);
        Assert.Equal(2, provider.SentBulk.Count);
    }

    [Fact]
    public async Task SendBulkAsync_OneOverMaxRecipients_ThrowsArgumentExceptionAndRecordsNothing()
    {
        var message = TestEmails.Bulk(BulkEmailMessage.MaxRecipients + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendBulkAsync(message, default));

        Assert.Empty(provider.SentBulk);
        Assert.Null(await ledger.GetAsync(message.ProgramId, message.IdempotencyKey, default));
    }

    [Fact]
    public async Task SendBulkAsync_ProviderSendsSingleEmailsOnly_ThrowsNotSupported()
    {
        var singleOnly = new IdempotentEmailSender(new SingleOnlyEmailSender(), ledger, time, NullLogger<IdempotentEmailSender>.Instance);

        await Assert.ThrowsAsync<NotSupportedException>(() => singleOnly.SendBulkAsync(TestEmails.Bulk(1), default));
    }

    [Fact]
    public async Task SendBulkAsync_OverSendGridTwice_OneRequestOnly()
    {
        using var sendGrid = new SendGridFake();
        using var httpClient = new HttpClient();
        sendGrid.Respond(SendGridFake.Accepted("sg-digest"));
        var overSendGrid = new IdempotentEmailSender(
            new SendGridEmailSender(
                httpClient,
                TestEmails.Options(o =>
                {
                    o.Provider = EmailProvider.SendGrid;
                    o.SendGrid.ApiKey = TestEmails.ApiKey;
                    o.SendGrid.BaseUrl = sendGrid.BaseUrl;
                }),
                time,
                NullLogger<SendGridEmailSender>.Instance),
            ledger,
            time,
            NullLogger<IdempotentEmailSender>.Instance);
        var message = TestEmails.Bulk(4);

        var first = await overSendGrid.SendBulkAsync(message, default);
        var second = await overSendGrid.SendBulkAsync(message, default);

        Assert.Single(sendGrid.Requests);
        Assert.Equal(new EmailSendResult("sg-digest", AlreadySent: false), first);
        Assert.Equal(new EmailSendResult("sg-digest", AlreadySent: true), second);
    }

    [Fact]
    public async Task SendBulkAsync_OverTheOutboxTwice_WritesOneFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mentorflow-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = TestEmails.Options(o => o.OutboxDirectory = directory);
            var overOutbox = new IdempotentEmailSender(new OutboxEmailSender(options, time), ledger, time, NullLogger<IdempotentEmailSender>.Instance);
            var message = TestEmails.Bulk(3);

            await overOutbox.SendBulkAsync(message, default);
            var second = await overOutbox.SendBulkAsync(message, default);

            var entry = Assert.Single(await new OutboxReader(options, TestEmails.Links()).ListAsync(default));
            Assert.Equal(3, entry.To.Count);
            Assert.True(second.AlreadySent);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>A provider that cannot send bulk email.</summary>
    private sealed class SingleOnlyEmailSender : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new EmailSendResult("single", AlreadySent: false));
    }

    /// <summary>A provider that counts what it was asked to send.</summary>
    private sealed class CountingEmailSender : IEmailSender, IBulkEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public List<BulkEmailMessage> SentBulk { get; } = [];

        public Exception? FailNext { get; set; }

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }

            return Task.FromResult(new EmailSendResult($"msg-{Sent.Count}", AlreadySent: false));
        }

        public Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken)
        {
            SentBulk.Add(message);
            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }

            return Task.FromResult(new EmailSendResult($"bulk-{SentBulk.Count}", AlreadySent: false));
        }
    }
}
