using MentorFlow.Integrations.Cohorts;
using MentorFlow.Testing;
using MentorFlow.Workflows.Programs;
using static MentorFlow.Integrations.Tests.Cohorts.TestCohorts;

namespace MentorFlow.Integrations.Tests.Cohorts;

[Collection(AzuriteCollection.Name)]
public sealed class TablePairStoreTests
{
    private readonly TablePairStore store;
    private readonly string programId = ProgramIds.NewId();

    public TablePairStoreTests(AzuriteFixture azurite)
    {
        var (service, options) = Tables(azurite);
        store = new TablePairStore(service, options);
    }

    [Fact]
    public async Task ReplaceAsync_MatchedAndUnmatched_ReadBackWithExplanations()
    {
        var pairs = new[] { Pair(programId, StageName.Pilot, 1), Pair(programId, StageName.Pilot, 2, matched: false) };

        await store.ReplaceAsync(programId, StageName.Pilot, pairs, default);

        var stored = await store.ListAsync(programId, default);
        Assert.Equal(pairs.Select(p => Json(p)), stored.Select(p => Json(p)));
        Assert.Equal(2, stored[0].Explanation.Count);
        Assert.False(stored[1].IsMatched);
    }

    [Fact]
    public async Task ListAsync_TwoStagesSavedRolloutFirst_PilotBeforeRolloutEachByNumber()
    {
        await store.ReplaceAsync(programId, StageName.Rollout, [Pair(programId, StageName.Rollout, 2), Pair(programId, StageName.Rollout, 1)], default);
        await store.ReplaceAsync(programId, StageName.Pilot, [Pair(programId, StageName.Pilot, 10), Pair(programId, StageName.Pilot, 9)], default);

        var stored = await store.ListAsync(programId, default);

        Assert.Equal(
            [(StageName.Pilot, 9), (StageName.Pilot, 10), (StageName.Rollout, 1), (StageName.Rollout, 2)],
            stored.Select(p => (p.Stage, p.PairNumber)));
    }

    [Fact]
    public async Task ReplaceAsync_FewerPairs_RemovesTheStaleRowsOfThatStageOnly()
    {
        await store.ReplaceAsync(programId, StageName.Pilot, [.. Enumerable.Range(1, 5).Select(n => Pair(programId, StageName.Pilot, n))], default);
        await store.ReplaceAsync(programId, StageName.Rollout, [Pair(programId, StageName.Rollout, 1)], default);

        await store.ReplaceAsync(programId, StageName.Pilot, [Pair(programId, StageName.Pilot, 2, matched: false), Pair(programId, StageName.Pilot, 4)], default);

        var stored = await store.ListAsync(programId, default);
        Assert.Equal(
            [(StageName.Pilot, 2), (StageName.Pilot, 4), (StageName.Rollout, 1)],
            stored.Select(p => (p.Stage, p.PairNumber)));
        Assert.False(stored[0].IsMatched);
    }

    [Fact]
    public async Task ReplaceAsync_MoreThanOneTransaction_StoresAndThenRemovesThemAll()
    {
        await store.ReplaceAsync(programId, StageName.Rollout, [.. Enumerable.Range(1, 250).Select(n => Pair(programId, StageName.Rollout, n))], default);
        Assert.Equal(Enumerable.Range(1, 250), (await store.ListAsync(programId, default)).Select(p => p.PairNumber));

        await store.ReplaceAsync(programId, StageName.Rollout, [Pair(programId, StageName.Rollout, 7)], default);

        Assert.Equal([7], (await store.ListAsync(programId, default)).Select(p => p.PairNumber));
    }

    [Fact]
    public async Task ReplaceAsync_PairOfAnotherStage_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.ReplaceAsync(programId, StageName.Pilot, [Pair(programId, StageName.Rollout, 1)], default));
    }

    [Fact]
    public async Task ReplaceAsync_PairNumberTwice_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.ReplaceAsync(programId, StageName.Pilot, [Pair(programId, StageName.Pilot, 1), Pair(programId, StageName.Pilot, 1)], default));
    }

    [Fact]
    public async Task SaveAsync_KickedOff_ReplacesThatPairOnly()
    {
        await store.ReplaceAsync(programId, StageName.Pilot, [Pair(programId, StageName.Pilot, 1), Pair(programId, StageName.Pilot, 2)], default);
        var kickedOff = Pair(programId, StageName.Pilot, 2) with { KickedOffAt = Now.AddDays(1) };

        await store.SaveAsync(kickedOff, default);

        var stored = await store.ListAsync(programId, default);
        Assert.Null(stored[0].KickedOffAt);
        Assert.Equal(Now.AddDays(1), stored[1].KickedOffAt);
    }

    [Fact]
    public async Task ListAsync_OtherProgram_IsNotListed()
    {
        await store.ReplaceAsync(programId, StageName.Pilot, [Pair(programId, StageName.Pilot, 1)], default);

        Assert.Empty(await store.ListAsync(ProgramIds.NewId(), default));
    }

    [Fact]
    public void RowKey_StageAndNumber_SortsByStageOrderThenNumberWithoutPersonalData()
    {
        Assert.Equal("04-pilot-00003", TablePairStore.RowKey(StageName.Pilot, 3));
        Assert.True(string.CompareOrdinal(TablePairStore.RowKey(StageName.Pilot, 99_999), TablePairStore.RowKey(StageName.Rollout, 1)) < 0);
    }
}
