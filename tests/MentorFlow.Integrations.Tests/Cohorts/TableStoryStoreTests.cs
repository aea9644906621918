using MentorFlow.Integrations.Cohorts;
using MentorFlow.Testing;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Programs;
using static MentorFlow.Integrations.Tests.Cohorts.TestCohorts;

namespace MentorFlow.Integrations.Tests.Cohorts;

[Collection(AzuriteCollection.Name)]
public sealed class TableStoryStoreTests
{
    private readonly TableStoryStore store;
    private readonly string programId = ProgramIds.NewId();

    public TableStoryStoreTests(AzuriteFixture azurite)
    {
        var (service, options) = Tables(azurite);
        store = new TableStoryStore(service, options);
    }

    [Fact]
    public async Task ListAsync_AddedOutOfOrder_SponsorFirstThenByStoryId()
    {
        await store.AddAsync([Story(programId, 2), Story(programId, 1, ParticipantRoles.Mentor), SponsorStory(programId)], default);

        var list = await store.ListAsync(programId, default);

        Assert.Equal([StoryRecord.SponsorStoryId, "0001-mentor", "0002-mentee"], list.Select(s => s.StoryId));
        Assert.Equal(Json(SponsorStory(programId)), Json(list[0]));
    }

    [Fact]
    public async Task SubmitAsync_LongStory_ReadsBackWhole()
    {
        var story = Story(programId, 1);
        await store.AddAsync([story], default);
        var text = string.Concat(Enumerable.Repeat("Our pair met every week and it changed how I lead. ", 1500)); // ≈ 78,000 characters

        await store.SubmitAsync(programId, story.StoryId, new StorySubmission(text, "Agree an agenda", true, "kim@contoso.example", Now.AddDays(1)), default);

        var stored = await store.GetAsync(programId, story.StoryId, default);
        Assert.Equal(text, stored!.Story);
        Assert.Equal(StoryStatus.Submitted, stored.Status);
        Assert.Equal("kim@contoso.example", stored.Suggestion);
    }

    [Fact]
    public async Task AddAsync_AgainAfterASubmission_KeepsTheSubmission()
    {
        var story = Story(programId, 1);
        await store.AddAsync([story], default);
        await store.SubmitAsync(programId, story.StoryId, Submission("first"), default);

        await store.AddAsync([story], default);

        Assert.Equal("first", (await store.GetAsync(programId, story.StoryId, default))!.Story);
    }

    [Fact]
    public async Task SubmitAsync_EightAtOnce_ExactlyOneWins()
    {
        var story = Story(programId, 1);
        await store.AddAsync([story], default);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            store.SubmitAsync(programId, story.StoryId, Submission($"story {i}"), default)));

        var winner = Assert.Single(results.Select(r => r.Story).Distinct());
        Assert.Equal(winner, (await store.GetAsync(programId, story.StoryId, default))!.Story);
    }

    [Fact]
    public async Task SubmitAsync_Unknown_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SubmitAsync(programId, "0001-mentee", Submission("x"), default));
    }

    [Fact]
    public async Task SetStatusAsync_Submitted_PublishesAndKeepsTheSubmission()
    {
        var story = Story(programId, 1);
        await store.AddAsync([story], default);
        await store.SubmitAsync(programId, story.StoryId, Submission("kept"), default);

        var published = await store.SetStatusAsync(programId, story.StoryId, StoryStatus.Published, default);

        Assert.Equal(StoryStatus.Published, published.Status);
        Assert.Equal(Json(published), Json(await store.GetAsync(programId, story.StoryId, default)));
        Assert.Equal("kept", published.Story);
    }

    [Fact]
    public async Task SetStatusAsync_Unknown_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SetStatusAsync(programId, "0001-mentee", StoryStatus.Published, default));
    }

    [Fact]
    public async Task ListNextCohortAsync_Saved_ComesBackInTheOrderSaved()
    {
        var candidates = new[]
        {
            new NextCohortCandidate("zoe@contoso.example", "Zoë", "ranked", 3, null, "lead@contoso.example"),
            new NextCohortCandidate("al@contoso.example", "Al", "suggested", null, "mentor1@contoso.example", null),
            new NextCohortCandidate("bo@contoso.example", "Bo", "ranked", 1, null, null),
        };

        await store.SaveNextCohortAsync(programId, candidates, default);

        Assert.Equal(candidates, await store.ListNextCohortAsync(programId, default));
    }

    [Fact]
    public async Task SaveNextCohortAsync_ShorterListOver100_ReplacesTheLongerOne()
    {
        await store.SaveNextCohortAsync(programId, Candidates(230, "first"), default);
        var second = Candidates(120, "second");

        await store.SaveNextCohortAsync(programId, second, default);

        Assert.Equal(second, await store.ListNextCohortAsync(programId, default));
    }

    [Fact]
    public async Task ListNextCohortAsync_StoriesOfTheProgram_AreNotCandidates()
    {
        await store.AddAsync([Story(programId, 1)], default);

        Assert.Empty(await store.ListNextCohortAsync(programId, default));
        Assert.Single(await store.ListAsync(programId, default));
    }

    private static StorySubmission Submission(string story) => new(story, null, ConsentToShare: true, null, Now.AddDays(1));

    private static List<NextCohortCandidate> Candidates(int count, string tag) =>
        [.. Enumerable.Range(1, count).Select(n => new NextCohortCandidate($"{tag}{n}@contoso.example", $"{tag} {n}", "ranked", n, null, null))];
}
