using System.Text.Json;
using MentorFlow.Integrations.Criteria;
using MentorFlow.Testing;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Programs;
using static MentorFlow.Integrations.Tests.Cohorts.TestCohorts;

namespace MentorFlow.Integrations.Tests.Criteria;

[Collection(AzuriteCollection.Name)]
public sealed class TableCandidateStoreTests
{
    private readonly TableCandidateStore store;
    private readonly string programId = ProgramIds.NewId();

    public TableCandidateStoreTests(AzuriteFixture azurite)
    {
        var (service, options) = Tables(azurite);
        store = new TableCandidateStore(service, options);
    }

    [Fact]
    public async Task ListAsync_NothingSaved_IsEmpty()
    {
        var (total, items) = await store.ListAsync(programId, 0, 50, default);

        Assert.Equal(0, total);
        Assert.Empty(items);
    }

    [Fact]
    public async Task ListAsync_Pages_InTheOrderSaved_WithTheTotal()
    {
        var saved = Enumerable.Range(1, 250).Select(Candidate).ToList();
        await store.SaveAsync(programId, saved, default);

        var (total, first) = await store.ListAsync(programId, 0, 100, default);
        var (_, middle) = await store.ListAsync(programId, 120, 7, default);
        var (_, last) = await store.ListAsync(programId, 240, 100, default);
        var (_, beyond) = await store.ListAsync(programId, 250, 10, default);

        Assert.Equal(250, total);
        Assert.Equal(saved.Take(100).Select(Json), first.Select(Json));
        Assert.Equal(saved.Skip(120).Take(7).Select(Json), middle.Select(Json));
        Assert.Equal(saved.Skip(240).Select(c => c.Email), last.Select(c => c.Email));
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task ListAsync_CandidatesSavedInAnyOrder_EligibleMenteesByRankThenOtherMenteesThenMentors()
    {
        CandidateView[] saved =
        [
            Candidate(5) with { Pool = "mentor", Eligible = true, Rank = 1 },
            Candidate(7) with { Pool = "mentee", Eligible = false, Rank = null, Email = "zed@example.com" },
            Candidate(3) with { Pool = "mentee", Eligible = true, Rank = 2 },
            Candidate(8) with { Pool = "mentee", Eligible = false, Rank = null, Email = "amy@example.com" },
            Candidate(1) with { Pool = "mentee", Eligible = true, Rank = 1 },
        ];
        await store.SaveAsync(programId, saved, default);

        var (_, items) = await store.ListAsync(programId, 0, 10, default);

        Assert.Equal(
            ["person001@example.com", "person003@example.com", "amy@example.com", "zed@example.com", "person005@example.com"],
            items.Select(c => c.Email));
    }

    [Fact]
    public async Task SaveAsync_Again_ReplacesRowsInPlace()
    {
        var saved = Enumerable.Range(1, 30).Select(Candidate).ToList();
        await store.SaveAsync(programId, saved, default);

        await store.SaveAsync(programId, saved, default);

        var (total, items) = await store.ListAsync(programId, 0, 100, default);
        Assert.Equal(30, total);
        Assert.Equal(saved.Select(c => c.Email), items.Select(c => c.Email));
    }

    [Fact]
    public async Task ListAsync_OtherProgram_SeesNothingOfThisOne()
    {
        await store.SaveAsync(programId, [Candidate(1)], default);

        var (total, items) = await store.ListAsync(ProgramIds.NewId(), 0, 10, default);

        Assert.Equal(0, total);
        Assert.Empty(items);
    }

    private static CandidateView Candidate(int rank) => new(
        $"person{rank:D3}@example.com",
        $"Person {rank}",
        "mentee",
        Eligible: true,
        [new RuleResult("tenureMonths >= 12", true, $"tenureMonths = {rank}")],
        new Dictionary<string, object?> { ["tenureMonths"] = rank, ["quotaAttainment"] = null },
        1.0 / rank,
        rank,
        [new Contribution("tenureMonths", rank, 0.5, 1, 0.5)],
        Nominated: rank <= 20,
        Decision: null);

    private static string Json(CandidateView candidate) => JsonSerializer.Serialize(candidate, MentorFlowJson.Options);
}
