using MentorFlow.Integrations.Cohorts;
using MentorFlow.Testing;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Programs;
using static MentorFlow.Integrations.Tests.Cohorts.TestCohorts;

namespace MentorFlow.Integrations.Tests.Cohorts;

[Collection(AzuriteCollection.Name)]
public sealed class TableCheckInStoreTests
{
    private readonly TableCheckInStore store;
    private readonly string programId = ProgramIds.NewId();

    public TableCheckInStoreTests(AzuriteFixture azurite)
    {
        var (service, options) = Tables(azurite);
        store = new TableCheckInStore(service, options);
    }

    [Fact]
    public async Task AddAsync_CheckIn_ReadsBack()
    {
        var checkIn = CheckIn(programId, 3);

        await store.AddAsync([checkIn], default);

        Assert.Equal(Json(checkIn), Json(await store.GetAsync(programId, checkIn.CheckInId, default)));
    }

    [Fact]
    public async Task AddAsync_AgainAfterAnAnswer_KeepsTheAnswer()
    {
        var checkIn = CheckIn(programId, 1);
        await store.AddAsync([checkIn], default);
        await store.AnswerAsync(programId, checkIn.CheckInId, new CheckInAnswer(4, "Going well", Now.AddDays(1)), default);

        await store.AddAsync([checkIn with { SentAt = Now.AddHours(1) }, CheckIn(programId, 2)], default);

        var stored = await store.GetAsync(programId, checkIn.CheckInId, default);
        Assert.Equal(4, stored!.Rating);
        Assert.Equal("Going well", stored.Comment);
        Assert.Equal(Now, stored.SentAt);
        Assert.NotNull(await store.GetAsync(programId, CheckIn(programId, 2).CheckInId, default));
    }

    [Fact]
    public async Task AnswerAsync_Twice_FirstAnswerWins()
    {
        var checkIn = CheckIn(programId, 1);
        await store.AddAsync([checkIn], default);

        var first = await store.AnswerAsync(programId, checkIn.CheckInId, new CheckInAnswer(5, null, Now.AddDays(1)), default);
        var second = await store.AnswerAsync(programId, checkIn.CheckInId, new CheckInAnswer(1, "Changed my mind", Now.AddDays(2)), default);

        Assert.Equal(5, first.Rating);
        Assert.Equal(Json(first), Json(second));
        Assert.Equal(Now.AddDays(1), (await store.GetAsync(programId, checkIn.CheckInId, default))!.RespondedAt);
    }

    [Fact]
    public async Task AnswerAsync_EightAtOnce_ExactlyOneWinsAndAllSeeIt()
    {
        var checkIn = CheckIn(programId, 1);
        await store.AddAsync([checkIn], default);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            store.AnswerAsync(programId, checkIn.CheckInId, new CheckInAnswer(1 + (i % 5), $"answer {i}", Now.AddMinutes(i)), default)));

        var winner = Assert.Single(results.Select(r => r.Comment).Distinct());
        Assert.Equal(winner, (await store.GetAsync(programId, checkIn.CheckInId, default))!.Comment);
    }

    [Fact]
    public async Task AnswerAsync_Unknown_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            store.AnswerAsync(programId, "pilot-1-00001-mentee", new CheckInAnswer(3, null, Now), default));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await store.GetAsync(programId, "pilot-1-00001-mentee", default));
    }

    [Fact]
    public async Task ListAsync_AddedOutOfOrder_OrderedByCheckInId()
    {
        await store.AddAsync([CheckIn(programId, 2, round: 2), CheckIn(programId, 10), CheckIn(programId, 2, ParticipantRoles.Mentor)], default);
        await store.AddAsync([CheckIn(ProgramIds.NewId(), 1)], default);

        var list = await store.ListAsync(programId, default);

        Assert.Equal(["pilot-1-00002-mentor", "pilot-1-00010-mentee", "pilot-2-00002-mentee"], list.Select(c => c.CheckInId));
    }

    [Fact]
    public async Task ListAsync_MoreThanOnePageOfRows_ListsThemAll()
    {
        // The service answers a query 1000 rows at a time; 1,050 check-ins are also eleven transactions.
        var checkIns = Enumerable.Range(1, 525)
            .SelectMany(n => new[] { CheckIn(programId, n, ParticipantRoles.Mentor), CheckIn(programId, n) })
            .ToList();

        await store.AddAsync(checkIns, default);

        var list = await store.ListAsync(programId, default);
        Assert.Equal(checkIns.Select(c => c.CheckInId).Order(StringComparer.Ordinal), list.Select(c => c.CheckInId));
    }

    [Fact]
    public async Task AddAsync_ConcurrentWithAnAnswer_NeverResetsIt()
    {
        var checkIns = Enumerable.Range(1, 150).Select(n => CheckIn(programId, n)).ToList();
        await store.AddAsync([checkIns[0]], default);
        await store.AnswerAsync(programId, checkIns[0].CheckInId, new CheckInAnswer(2, "Hard to find time", Now.AddDays(1)), default);

        // Two retried sends at once (their transactions may collide).
        await Task.WhenAll(store.AddAsync(checkIns, default), store.AddAsync(checkIns, default));

        Assert.Equal(150, (await store.ListAsync(programId, default)).Count);
        Assert.Equal(2, (await store.GetAsync(programId, checkIns[0].CheckInId, default))!.Rating);
    }

    [Fact]
    public async Task GetAsync_IdWithASlash_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(programId, "pilot/1", default));
    }
}
