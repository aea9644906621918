using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Approvals;

/// <summary>
/// The approval orchestration, through its first use — the program manager's charter confirmation — on the
/// in-process test host with short durations: decisions, reminders, each timeout policy, escalation.
/// </summary>
public sealed class CharterApprovalTests : IAsyncLifetime
{
    private const string ProgramManager = "pat@example.com";
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync() => host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Decision_ArrivesBeforeTimeout_ProgramContinuesWithoutReminders()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT30S", ApprovalTimeoutActions.Decline, "PT20S"));
        await WaitForRequestAsync(id);

        var waiting = (await host.Programs.GetAsync(id, default))!;
        Assert.Equal(ProgramStatus.WaitingForApproval, waiting.Status);
        var entry = Assert.Single(waiting.WaitingFor);
        Assert.Equal(ProgramOrchestrator.CharterApprovalId, entry.ApprovalId);
        Assert.Equal(ProgramManager, entry.Approver);

        await DecideAsync(id, approved: true, ProgramManager, "Looks right.");
        var program = await PastCharterAsync(id);

        AssertWentOn(program);
        Assert.EndsWith($"confirmed by {ProgramManager}", program.Stages[0].Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Email.Sent, m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_Email_CarriesSignedLinksInBothParts()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT30S", ApprovalTimeoutActions.Decline));
        await WaitForRequestAsync(id);

        var request = Assert.Single(host.Email.Sent);
        Assert.Equal(ProgramManager, Assert.Single(request.To).Email);
        Assert.Contains("Confirm the program charter", request.Subject, StringComparison.Ordinal);
        Assert.Contains("http://mentorflow.test/api/approvals/", request.Text, StringComparison.Ordinal);
        Assert.Contains("http://mentorflow.test/api/approvals/", request.Html, StringComparison.Ordinal);
        Assert.Contains("decision=approve", request.Html, StringComparison.Ordinal);
        Assert.Contains("decision=decline", request.Text, StringComparison.Ordinal);
        Assert.Contains("Roles and responsibilities", request.Html, StringComparison.Ordinal);
        Assert.Contains("Meet the mentee every two weeks", request.Text, StringComparison.Ordinal);

        await DecideAsync(id, approved: true, ProgramManager, null);
        await PastCharterAsync(id);
    }

    [Fact]
    public async Task Reminder_ThenDecision_OneReminderThenContinues()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT20S", ApprovalTimeoutActions.Decline, "PT1S"));
        await WorkflowTestHost.EventuallyAsync(
            () => Task.FromResult(host.Email.Sent.Any(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal))),
            "a reminder was sent");

        await DecideAsync(id, approved: true, ProgramManager, null);
        var program = await PastCharterAsync(id);

        AssertWentOn(program);
        Assert.Single(host.Email.Sent, m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Contains(await host.Audit.ListAsync(id, default), e => e.Action == "ApprovalReminderSent");
    }

    [Fact]
    public async Task Decline_ByProgramManager_EndsProgramDeclinedWithReason()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT30S", ApprovalTimeoutActions.Approve));
        await WaitForRequestAsync(id);

        await DecideAsync(id, approved: false, ProgramManager, "Scope is too broad.");
        var program = await PastCharterAsync(id);

        Assert.Equal(ProgramStatus.Declined, program.Status);
        Assert.Contains("declined by pat@example.com (Scope is too broad.)", program.Reason, StringComparison.Ordinal);
        Assert.Equal(StageState.Done, program.Stages[0].State);
        Assert.StartsWith("Charter confirmation declined", program.Stages[0].Summary, StringComparison.Ordinal);
        Assert.All(program.Stages.Skip(1), s => Assert.Equal(StageState.Skipped, s.State));
        Assert.False(host.Programs.RoleCharters.ContainsKey(id), "Roles must not run after the charter was declined.");
    }

    [Fact]
    public async Task Timeout_ApprovePolicy_ApprovesAndAudits()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT1S", ApprovalTimeoutActions.Approve));

        var program = await PastCharterAsync(id);

        AssertWentOn(program);
        var approval = (await host.Approvals.GetAsync(id, ProgramOrchestrator.CharterApprovalId, default))!;
        Assert.Equal(ApprovalStatus.Approved, approval.Status);
        Assert.Equal("timeout", approval.Via);
        Assert.Contains(await host.Audit.ListAsync(id, default), e => e.Action == "ApprovalAutoApproved");
    }

    [Fact]
    public async Task Timeout_DeclinePolicy_DeclinesProgram()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT1S", ApprovalTimeoutActions.Decline));

        var program = await PastCharterAsync(id);

        Assert.Equal(ProgramStatus.Declined, program.Status);
        Assert.Contains(await host.Audit.ListAsync(id, default), e => e.Action == "ApprovalAutoDeclined");
    }

    [Fact]
    public async Task Timeout_EscalatePolicy_AsksTheApproversManagerFromTheDirectory()
    {
        host.Directory.Add("u-boss", "Morgan Boss", "morgan@example.com").Add("u-pat", "Pat Manager", ProgramManager, managerId: "u-boss");
        var id = await StartAsync(TestDefinitions.WithApprovals("PT1S", ApprovalTimeoutActions.Escalate));

        await WorkflowTestHost.EventuallyAsync(
            async () => (await host.Approvals.GetAsync(id, ProgramOrchestrator.CharterApprovalId, default))?.Approver?.Email == "morgan@example.com",
            "the approval was passed to the manager");
        Assert.Contains(host.Email.Sent, m => m.To.Any(t => t.Email == "morgan@example.com"));
        await DecideAsync(id, approved: true, "morgan@example.com", null);
        var program = await PastCharterAsync(id);

        AssertWentOn(program);
        Assert.EndsWith("confirmed by morgan@example.com", program.Stages[0].Summary, StringComparison.Ordinal);
        var escalated = Assert.Single(await host.Audit.ListAsync(id, default), e => e.Action == "ApprovalEscalated");
        Assert.Contains("Morgan Boss", escalated.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_EscalateWithNobodyAboveProgramManager_Declines()
    {
        var id = await StartAsync(TestDefinitions.WithApprovals("PT1S", ApprovalTimeoutActions.Escalate));

        var program = await PastCharterAsync(id);

        Assert.Equal(ProgramStatus.Declined, program.Status);
        Assert.Contains("nobody left", program.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bounce_OfTheRequest_EscalatesAtOnce()
    {
        host.Directory.Add("u-boss", "Morgan Boss", "morgan@example.com").Add("u-pat", "Pat Manager", ProgramManager, managerId: "u-boss");
        var id = await StartAsync(TestDefinitions.WithApprovals("PT60S", ApprovalTimeoutActions.Decline));
        await WaitForRequestAsync(id);

        await host.Host.Client.RaiseEventAsync(
            ApprovalEvents.InstanceId(id, ProgramOrchestrator.CharterApprovalId), ApprovalEvents.Bounced, new ApprovalBounce(ProgramManager, Level: 0));

        await WorkflowTestHost.EventuallyAsync(
            async () => (await host.Approvals.GetAsync(id, ProgramOrchestrator.CharterApprovalId, default))?.Approver?.Email == "morgan@example.com",
            "the bounced approval was passed to the manager",
            TimeSpan.FromSeconds(45));
        await DecideAsync(id, approved: true, "morgan@example.com", null);
        AssertWentOn(await PastCharterAsync(id));
    }

    [Fact]
    public async Task Send_RefusedByProvider_ProgramFailsWithProvidersTextAtOnce()
    {
        host.Email.FailWith = new EmailSendException("SendGrid refused the message (400): The from address does not match a verified Sender Identity.")
        {
            StatusCode = 400,
        };
        var id = await StartAsync(TestDefinitions.WithApprovals("PT30S", ApprovalTimeoutActions.Approve));

        var program = await PastCharterAsync(id);

        Assert.Equal(ProgramStatus.Failed, program.Status);
        Assert.Contains("does not match a verified Sender Identity", program.Reason, StringComparison.Ordinal);
        Assert.Equal(1, host.Email.Attempts);
        var failed = Assert.Single(await host.Audit.ListAsync(id, default), e => e.Action == "ProgramFailed");
        Assert.Contains("verified Sender Identity", failed.Details, StringComparison.Ordinal);
    }

    private async Task<string> StartAsync(ProgramDefinition definition)
    {
        var id = ProgramIds.NewId();
        await host.Programs.CreateAsync(ProgramRecord.New(id, definition.Name, DateTimeOffset.UtcNow), definition, default);
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProgramOrchestrator), new ProgramOrchestrationInput(id), new Microsoft.DurableTask.StartOrchestrationOptions(id));
        return id;
    }

    private Task WaitForRequestAsync(string id) => WorkflowTestHost.EventuallyAsync(
        async () => await host.Approvals.GetAsync(id, ProgramOrchestrator.CharterApprovalId, default) is { Status: ApprovalStatus.Pending },
        "the charter confirmation was requested");

    /// <summary>What the link handler does: store the decision, then tell the orchestration.</summary>
    private async Task DecideAsync(string id, bool approved, string by, string? comment)
    {
        var decision = new ApprovalDecision(approved, by, DateTimeOffset.UtcNow, comment, "link");
        await host.Approvals.DecideAsync(id, ProgramOrchestrator.CharterApprovalId, decision, default);
        await host.Host.Client.RaiseEventAsync(
            ApprovalEvents.InstanceId(id, ProgramOrchestrator.CharterApprovalId), ApprovalEvents.DecisionFor(ProgramOrchestrator.CharterApprovalId), decision);
    }

    /// <summary>
    /// Waits until the charter gate is behind the program: it ended (declined, failed) or its Roles stage is done. The
    /// later stages wait for people of their own, so these tests do not wait for the whole program.
    /// </summary>
    private async Task<ProgramRecord> PastCharterAsync(string id)
    {
        ProgramRecord? program = null;
        await WorkflowTestHost.EventuallyAsync(
            async () =>
            {
                program = await host.Programs.GetAsync(id, default);
                return program is not null && (program.Status.IsTerminal() || program.Stages[1].State == StageState.Done);
            },
            "the program went past its charter gate",
            TimeSpan.FromSeconds(30));
        return program!;
    }

    /// <summary>The charter was confirmed and the program went on: Define and Roles are done.</summary>
    private static void AssertWentOn(ProgramRecord program)
    {
        Assert.Equal(StageState.Done, program.Stages[0].State);
        Assert.Equal(StageState.Done, program.Stages[1].State);
        Assert.False(program.Status is ProgramStatus.Declined or ProgramStatus.Failed or ProgramStatus.Cancelled, $"Program ended {program.Status}: {program.Reason}");
    }
}
