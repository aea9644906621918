using Azure.Data.Tables;
using MentorFlow.Integrations.Approvals;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Approvals;

[Collection(AzuriteCollection.Name)]
public sealed class TableApprovalStoreTests(AzuriteFixture azurite)
{
    private readonly TableApprovalStore store = new(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12] }));

    [Fact]
    public async Task SaveAsync_Pending_ReadsBack()
    {
        var approval = Pending();

        await store.SaveAsync(approval, default);

        var stored = await store.GetAsync(approval.ProgramId, approval.ApprovalId, default);
        Assert.Equal(Json(approval), Json(stored!));
    }

    [Fact]
    public async Task DecideAsync_FirstDecision_Wins()
    {
        var approval = Pending();
        await store.SaveAsync(approval, default);

        var first = await store.DecideAsync(approval.ProgramId, approval.ApprovalId, Decision(true, "pat@example.com"), default);
        var second = await store.DecideAsync(approval.ProgramId, approval.ApprovalId, Decision(false, "system"), default);

        Assert.Equal(ApprovalStatus.Approved, first.Status);
        Assert.Equal(Json(first), Json(second));
        Assert.Equal("pat@example.com", (await store.GetAsync(approval.ProgramId, approval.ApprovalId, default))!.DecidedBy);
    }

    [Fact]
    public async Task DecideAsync_ManyAtOnce_ExactlyOneWins()
    {
        var approval = Pending();
        await store.SaveAsync(approval, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.DecideAsync(approval.ProgramId, approval.ApprovalId, Decision(i % 2 == 0, $"person{i}@example.com"), default)));

        Assert.Single(results.Select(r => r.DecidedBy).Distinct());
    }

    [Fact]
    public async Task ListAsync_Program_ReturnsItsApprovalsOnly()
    {
        var first = Pending();
        await store.SaveAsync(first, default);
        await store.SaveAsync(first with { ApprovalId = "nomination-1", Kind = ApprovalKind.Nomination, SubjectEmail = "ana@example.com" }, default);
        await store.SaveAsync(Pending(), default);

        var list = await store.ListAsync(first.ProgramId, default);

        Assert.Equal(["charter", "nomination-1"], list.Select(a => a.ApprovalId));
        Assert.Equal("ana@example.com", list[1].SubjectEmail);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await store.GetAsync(ProgramIds.NewId(), "charter", default));
    }

    private static ApprovalRecord Pending() => new()
    {
        ProgramId = ProgramIds.NewId(),
        ApprovalId = "charter",
        Kind = ApprovalKind.CharterConfirmation,
        Title = "Confirm the program charter",
        Description = ["Purpose: grow managers"],
        InstanceId = "prg-x-approval-charter",
        Approver = new Person("Pat Manager", "pat@example.com"),
        RequestedAt = DateTimeOffset.UtcNow,
        DueAt = DateTimeOffset.UtcNow.AddDays(5),
    };

    // Records hold lists, which compare by reference: compare what is stored, as JSON.
    private static string Json(ApprovalRecord record) =>
        System.Text.Json.JsonSerializer.Serialize(record, MentorFlow.Workflows.Api.MentorFlowJson.Options);

    private static ApprovalDecision Decision(bool approved, string by) => new(approved, by, DateTimeOffset.UtcNow, null, "link");
}
