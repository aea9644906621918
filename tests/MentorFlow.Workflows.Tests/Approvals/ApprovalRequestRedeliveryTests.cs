using System.Globalization;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Tests.Approvals;

/// <summary>
/// <see cref="SendApprovalRequestActivity"/> delivered again — the orchestration asked again at a later time after a
/// host was killed before the first run's completion was recorded — keeps the request and due times it stored first,
/// logs once, and any email it sends carries the first deadline.
/// </summary>
public sealed class ApprovalRequestRedeliveryTests
{
    private const string BatchId = "leader-lee";
    private static readonly DateTimeOffset First = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = First.AddMinutes(7);
    private static readonly Person Leader = new("Lee Leader", "lee@example.com");
    private static readonly Person Director = new("Max Director", "max@example.com");
    private readonly InMemoryProgramStore programs = new();
    private readonly InMemoryApprovalStore approvals = new();
    private readonly InMemoryAuditLog audit = new();
    private readonly RecordingEmailSender email = new();

    [Fact]
    public async Task Request_DeliveredAgainLater_KeepsTheFirstDueTimeAndLogsOnce()
    {
        var id = await PrepareAsync();

        var first = await Activity().RunAsync(null!, Send(id, First));
        var again = await Activity().RunAsync(null!, Send(id, Later));

        var due = First + TimeSpan.FromDays(5);
        Assert.Equal((first.Approver, first.RequestedAt, first.DueAt), (again.Approver, again.RequestedAt, again.DueAt));
        Assert.Equal(First, again.RequestedAt);
        Assert.Equal(due, again.DueAt);
        Assert.Equal(due, (await approvals.GetAsync(id, "nomination-1", default))!.DueAt);
        Assert.Equal(due, Assert.Single((await programs.GetAsync(id, default))!.WaitingFor).DueAt);
        var requested = Assert.Single(await audit.ListAsync(id, default), e => e.Action == "ApprovalRequested");
        Assert.Equal(First, requested.At);
        Assert.Single(email.Sent);
    }

    [Fact]
    public async Task Request_FirstSendFailed_TheRedeliveredEmailCarriesTheFirstDeadline()
    {
        var id = await PrepareAsync();
        email.FailWith = new HttpRequestException("The provider timed out.");
        await Assert.ThrowsAsync<HttpRequestException>(() => Activity().RunAsync(null!, Send(id, First)));
        email.FailWith = null;

        await Activity().RunAsync(null!, Send(id, Later));

        var sent = Assert.Single(email.Sent);
        Assert.Contains($"Please decide by {Deadline(First + TimeSpan.FromDays(5))}", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Deadline(Later + TimeSpan.FromDays(5)), sent.Text, StringComparison.Ordinal);
        var requested = Assert.Single(await audit.ListAsync(id, default), e => e.Action == "ApprovalRequested");
        Assert.Contains($"due {First + TimeSpan.FromDays(5):u}", requested.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_DeliveredAgainAfterAFailedSend_NamesWhoWasAskedBefore()
    {
        var id = await PrepareAsync();
        await Activity().RunAsync(null!, Send(id, First));
        email.FailWith = new HttpRequestException("The provider timed out.");
        var escalation = Send(id, First.AddDays(5), Director, level: 1) with { EscalatedFrom = Leader.Name };
        await Assert.ThrowsAsync<HttpRequestException>(() => Activity().RunAsync(null!, escalation));
        email.FailWith = null;

        var again = await Activity().RunAsync(null!, escalation with { At = Later.AddDays(5) });

        Assert.Equal(First.AddDays(10), again.DueAt);
        var sent = Assert.Single(email.Sent, m => m.To[0].Email == Director.Email);
        Assert.Contains("Lee Leader has not answered", sent.Text, StringComparison.Ordinal);
        Assert.Single(await audit.ListAsync(id, default), e => e.Action == "ApprovalEscalated");
    }

    [Fact]
    public async Task Request_NextLevel_GetsADueTimeOfItsOwn()
    {
        var id = await PrepareAsync();
        await Activity().RunAsync(null!, Send(id, First));

        var escalated = await Activity().RunAsync(null!, Send(id, Later.AddDays(5), Director, level: 1));

        Assert.Equal(Later.AddDays(5), escalated.RequestedAt);
        Assert.Equal(Later.AddDays(10), escalated.DueAt);
    }

    private SendApprovalRequestActivity Activity() => new(
        programs,
        approvals,
        audit,
        email,
        new ApprovalTokenService(Options.Create(new ApprovalTokenOptions { SigningKey = Convert.ToBase64String(new byte[32]) }), TimeProvider.System),
        Options.Create(new LinkOptions { PublicBaseUrl = new Uri("http://mentorflow.test/") }));

    private static ApprovalSend Send(string programId, DateTimeOffset at, Person? approver = null, int level = 0) => new(
        programId, BatchId, ApprovalKind.Nomination, ["nomination-1"], approver ?? Leader, level, at, ApprovalEvents.InstanceId(programId, BatchId));

    private static string Deadline(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A program with its charter and one prepared nomination, as the Criteria stage leaves it (timeout P5D).</summary>
    private async Task<string> PrepareAsync()
    {
        var definition = TestDefinitions.Sample();
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
}
