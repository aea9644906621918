using System.Text.Json.Nodes;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Workflows.Tests.Criteria;

/// <summary>
/// The Criteria stage on the in-process test host: candidates evaluated and stored, one nomination email per sales
/// leader listing their nominees with a link each, decisions per nominee, and the stage done when all are decided.
/// </summary>
public sealed class CriteriaStageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private WorkflowTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await WorkflowTestHost.StartAsync();
        // Two teams: Max's three sellers and Lee's one; Vic manages both managers.
        host.Directory
            .Add(User("v", "vic@example.com", "VP Sales", null))
            .Add(User("m", "max@example.com", "Sales Manager", "v"))
            .Add(User("l", "lee@example.com", "Sales Manager", "v"))
            .Add(User("a", "ana@example.com", "Account Executive", "m"))
            .Add(User("b", "bo@example.com", "Account Executive", "m"))
            .Add(User("c", "cy@example.com", "Account Executive", "m"))
            .Add(User("d", "di@example.com", "Account Executive", "l"))
            .Add(User("o", "orphan@example.com", "Account Executive", null));
        foreach (var (email, wins) in new[] { ("ana@example.com", 5), ("bo@example.com", 4), ("cy@example.com", 1), ("di@example.com", 3), ("orphan@example.com", 2) })
        {
            for (var i = 0; i < wins; i++)
            {
                host.Performance.Opportunities.Add(new Opportunity(email, OpportunityStatus.Won, 1000m, new DateOnly(2026, 6, 1)));
            }
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static DirectoryUser User(string id, string email, string title, string? manager) =>
        new(id, email.Split('@')[0], email, email, title, "Sales", "US", null, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), true, manager);

    private static ProgramDefinition Definition(string approver = "manager", int maxNominees = 4)
    {
        var json = TestDefinitions.Json();
        json["criteria"]!["mentee"] = new JsonObject
        {
            ["eligibility"] = new JsonArray("dealsWon >= 2"),
            ["selection"] = new JsonObject { ["closedWonRevenue"] = 1.0 },
            ["maxNominees"] = maxNominees,
        };
        json["criteria"]!["nominationApprover"] = approver;
        json["approvals"] = new JsonObject { ["timeout"] = "PT60S", ["reminders"] = new JsonArray(), ["onTimeout"] = "decline" };
        return TestDefinitions.Parse(json);
    }

    [Fact]
    public async Task Nominations_OneEmailPerLeader_DecisionsCompleteTheStage()
    {
        var id = await StartAsync(Definition());
        await ApproveCharterAsync(id);
        await WorkflowTestHost.EventuallyAsync(
            () => Task.FromResult(host.Email.Sent.Count(m => m.Purpose == "approval-request") == 4),
            "the nomination emails were sent");

        var nominationEmails = host.Email.Sent.Where(m => m.Subject.Contains("nomination", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(["lee@example.com", "max@example.com", "pat@example.com"], nominationEmails.Select(m => m.To.Single().Email).Order());
        var toMax = nominationEmails.Single(m => m.To[0].Email == "max@example.com");
        Assert.Contains("ana", toMax.Text, StringComparison.Ordinal);
        Assert.Contains("bo", toMax.Text, StringComparison.Ordinal);
        Assert.Equal(2, CountOccurrences(toMax.Text, "Approve: "));

        var nominations = (await host.Approvals.ListAsync(id, default)).Where(a => a.Kind == ApprovalKind.Nomination).ToList();
        Assert.Equal(4, nominations.Count);
        foreach (var nomination in nominations)
        {
            await DecideAsync(nomination, approved: nomination.SubjectEmail != "di@example.com");
        }

        var program = await CriteriaDoneAsync(id);
        var criteria = program.Stages.Single(s => s.Name == StageName.Criteria);
        Assert.Equal(StageState.Done, criteria.State);
        Assert.EndsWith("3 approved, 1 declined", criteria.Summary, StringComparison.Ordinal);
        Assert.Equal(4, program.Counts["nominees"]);
        Assert.Equal(3, program.Counts["approvedNominations"]);
        var (total, items) = await host.Candidates.ListAsync(id, 0, 100, default);
        Assert.True(total >= 5);
        Assert.Equal(["ana@example.com", "bo@example.com", "di@example.com", "orphan@example.com"],
            items.Where(c => c.Nominated).Select(c => c.Email).Order());
    }

    [Fact]
    public async Task Nominations_SkipLevel_GoToTheManagersManager()
    {
        var id = await StartAsync(Definition(approver: "skipLevel", maxNominees: 2));
        await ApproveCharterAsync(id);

        await WorkflowTestHost.EventuallyAsync(
            async () => (await host.Approvals.ListAsync(id, default)).Count(a => a.Kind == ApprovalKind.Nomination && a.Approver is not null) == 2,
            "the nominations were sent");

        var approvers = (await host.Approvals.ListAsync(id, default)).Where(a => a.Kind == ApprovalKind.Nomination).Select(a => a.Approver!.Email).Distinct();
        Assert.Equal(["vic@example.com"], approvers);
    }

    [Fact]
    public async Task Nominations_Unanswered_FollowTheTimeoutPolicy()
    {
        var json = TestDefinitions.Json();
        json["criteria"]!["mentee"] = new JsonObject { ["eligibility"] = new JsonArray("dealsWon >= 4"), ["maxNominees"] = 5 };
        json["approvals"] = new JsonObject { ["timeout"] = "PT1S", ["reminders"] = new JsonArray(), ["onTimeout"] = "approve" };
        var id = await StartAsync(TestDefinitions.Parse(json));

        var program = await CompletedAsync(id);

        Assert.Equal(ProgramStatus.Completed, program.Status);
        Assert.EndsWith("2 approved, 0 declined", program.Stages.Single(s => s.Name == StageName.Criteria).Summary, StringComparison.Ordinal);
    }

    private async Task<string> StartAsync(ProgramDefinition definition)
    {
        var id = ProgramIds.NewId();
        await host.Programs.CreateAsync(ProgramRecord.New(id, definition.Name, SubmittedAt), definition, default);
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProgramOrchestrator), new ProgramOrchestrationInput(id), new Microsoft.DurableTask.StartOrchestrationOptions(id));
        return id;
    }

    private async Task ApproveCharterAsync(string id)
    {
        await WorkflowTestHost.EventuallyAsync(
            async () => await host.Approvals.GetAsync(id, ProgramOrchestrator.CharterApprovalId, default) is { Approver: not null },
            "the charter confirmation was requested");
        var charter = (await host.Approvals.GetAsync(id, ProgramOrchestrator.CharterApprovalId, default))!;
        await DecideAsync(charter, approved: true);
    }

    /// <summary>What the link handler does: store the decision, then tell the waiting orchestration.</summary>
    private async Task DecideAsync(ApprovalRecord approval, bool approved)
    {
        var decision = new ApprovalDecision(approved, approval.Approver!.Email, DateTimeOffset.UtcNow, null, "link");
        await host.Approvals.DecideAsync(approval.ProgramId, approval.ApprovalId, decision, default);
        await host.Host.Client.RaiseEventAsync(approval.InstanceId!, ApprovalEvents.DecisionFor(approval.ApprovalId), decision);
    }

    private async Task<ProgramRecord> CompletedAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var metadata = await host.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return (await host.Programs.GetAsync(id, default))!;
    }

    /// <summary>Waits until the Criteria stage is done (the Sponsorship stage then waits for the sponsor).</summary>
    private async Task<ProgramRecord> CriteriaDoneAsync(string id)
    {
        ProgramRecord? program = null;
        await WorkflowTestHost.EventuallyAsync(
            async () =>
            {
                program = await host.Programs.GetAsync(id, default);
                return program?.Stages.Single(s => s.Name == StageName.Criteria).State == StageState.Done;
            },
            "the Criteria stage was done",
            TimeSpan.FromSeconds(30));
        return program!;
    }

    private static int CountOccurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
