using System.Globalization;
using Azure.Data.Tables;
using MentorFlow.Integrations.Approvals;
using MentorFlow.Integrations.Email;
using MentorFlow.Integrations.Storage;
using MentorFlow.Integrations.Tests.Email;
using MentorFlow.Integrations.Tests.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Approvals;

/// <summary>
/// The real <see cref="SendApprovalRequestActivity"/> over the table stores, the audit log and the email ledger on
/// Azurite, delivered again at a later time, as after a host killed mid-request: the stored due time stays, the audit
/// has one line, and every email it sends names the first deadline.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendApprovalRequestRedeliveryTests
{
    private const string BatchId = "leader-lee";
    private static readonly DateTimeOffset First = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Person Leader = new("Lee Leader", "lee@example.com");
    private readonly TableProgramStore programs;
    private readonly TableApprovalStore approvals;
    private readonly TableAuditLog audit;
    private readonly DyingProvider provider = new();
    private readonly IdempotentEmailSender email;

    public SendApprovalRequestRedeliveryTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var service = new TableServiceClient(azurite.ConnectionString);
        var options = Options.Create(new TableStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12],
        });
        var tables = new MentorFlowTables(service, options);
        programs = new TableProgramStore(tables);
        audit = new TableAuditLog(tables);
        approvals = new TableApprovalStore(service, options);
        email = new IdempotentEmailSender(provider, new TableEmailLedger(service, options), new FixedTimeProvider(First), NullLogger<IdempotentEmailSender>.Instance);
    }

    [Fact]
    public async Task Request_ProviderAcceptedThenHostDied_RedeliveriesKeepTheFirstDueTimeLogOnceAndEmailTheFirstDeadline()
    {
        var definition = TestPrograms.Definition();
        var id = await PrepareAsync(definition);
        var due = definition.Approvals.Timeout.AddTo(First);

        // The provider accepts the first email, then the host dies before the send (and the activity) is recorded.
        provider.DieAfterNext = true;
        await Assert.ThrowsAsync<IOException>(() => Activity().RunAsync(null!, Send(id, First)));
        var second = await Activity().RunAsync(null!, Send(id, First.AddMinutes(7)));
        var third = await Activity().RunAsync(null!, Send(id, First.AddMinutes(15)));

        Assert.Equal((First, due), (second.RequestedAt, second.DueAt));
        Assert.Equal((First, due), (third.RequestedAt, third.DueAt));
        var stored = (await approvals.GetAsync(id, "nomination-1", default))!;
        Assert.Equal((First, due), (stored.RequestedAt, stored.DueAt));
        var requested = Assert.Single(await audit.ListAsync(id, default), e => e.Action == "ApprovalRequested");
        Assert.Equal(First, requested.At);
        Assert.Contains($"due {due:u}", requested.Details, StringComparison.Ordinal);

        // Sent twice (the ledger cannot know the provider took the first), never a third time, each with the first deadline.
        Assert.Equal(2, provider.Sent.Count);
        var deadline = due.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        Assert.All(provider.Sent, m => Assert.Contains($"Please decide by {deadline}", m.Text, StringComparison.Ordinal));
    }

    private SendApprovalRequestActivity Activity() => new(
        programs,
        approvals,
        audit,
        email,
        new ApprovalTokenService(Options.Create(new ApprovalTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }), TimeProvider.System),
        Options.Create(new LinkOptions { PublicBaseUrl = new Uri("http://mentorflow.test/") }));

    private static ApprovalSend Send(string programId, DateTimeOffset at) => new(
        programId, BatchId, ApprovalKind.Nomination, ["nomination-1"], Leader, Level: 0, at, ApprovalEvents.InstanceId(programId, BatchId));

    /// <summary>A stored program with its charter and one nomination prepared, as the Criteria stage leaves it.</summary>
    private async Task<string> PrepareAsync(ProgramDefinition definition)
    {
        var id = ProgramIds.NewId();
        await programs.CreateAsync(ProgramRecord.New(id, definition.Name, First), definition, default);
        await programs.SaveCharterAsync(id, ProgramCharter.From(definition, First), default);
        await approvals.SaveAsync(
            new ApprovalRecord
            {
                ProgramId = id,
                ApprovalId = "nomination-1",
                Kind = ApprovalKind.Nomination,
                Title = "Ana Lopez — mentee nominee, rank 1 of 3",
                SubjectEmail = "ana@example.com",
            },
            default);
        return id;
    }

    /// <summary>An email provider that can accept a message and then fail, as a process killed right after the send.</summary>
    private sealed class DyingProvider : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public bool DieAfterNext { get; set; }

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            if (DieAfterNext)
            {
                DieAfterNext = false;
                throw new IOException("The host died after the provider accepted the message.");
            }

            return Task.FromResult(new EmailSendResult($"msg-{Sent.Count}", AlreadySent: false));
        }
    }
}
