using System.Text.Json.Nodes;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Matching;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Tests.Forms;
using Microsoft.AspNetCore.Http;
using static MentorFlow.Workflows.Tests.Forms.FormTestContext;

namespace MentorFlow.Workflows.Tests.Api;

public sealed class CohortApiTests
{
    public static TheoryData<string> Lists => ["pairs", "checkins", "stories", "pledges"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_UnknownProgram_Returns404Problem(string list)
    {
        var context = await WithProgramAsync();

        var response = await RunAsync(await ListAsync(context, list, "prg-does-not-exist", ""));

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("prg-does-not-exist", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_MalformedProgramId_Returns404(string list)
    {
        var context = await WithProgramAsync();

        var response = await RunAsync(await ListAsync(context, list, "../x", ""));

        Assert.Equal(404, response.Status);
    }

    [Theory]
    [InlineData("pairs", "?skip=-1")]
    [InlineData("checkins", "?top=0")]
    [InlineData("stories", "?top=1001")]
    [InlineData("pledges", "?top=ten")]
    [InlineData("pairs", "?skip=x")]
    public async Task List_InvalidPaging_Returns400Problem(string list, string query)
    {
        var context = await WithProgramAsync();

        var response = await RunAsync(await ListAsync(context, list, ProgramId, query));

        Assert.Equal(400, response.Status);
        Assert.Contains("Invalid paging.", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pairs_MatchedAndUnmatched_AreListedWithExplanationAndNullMentor()
    {
        var context = await WithProgramAsync();
        await context.Pairs.ReplaceAsync(ProgramId, StageName.Pilot,
        [
            Pair(1) with
            {
                MentorEmail = "max.mentor@example.com",
                MentorName = "Max Mentor",
                Compatibility = 0.8,
                Explanation = [new CompatibilityPart("region", 2, 1, 0.5), new CompatibilityPart("seniority", 2, 0.6, 0.3)],
                KickedOffAt = Start.AddDays(1),
            },
            Pair(2) with { UnmatchedReason = "No mentor left in the region." },
        ], default);

        var body = await JsonAsync(context, "pairs", "");

        Assert.Equal(2, body["total"]!.GetValue<int>());
        var matched = body["items"]![0]!;
        Assert.Equal("Pilot", matched["stage"]!.GetValue<string>());
        Assert.Equal(1, matched["pairNumber"]!.GetValue<int>());
        Assert.Equal("mentee1@example.com", matched["mentee"]!["email"]!.GetValue<string>());
        Assert.Equal("Max Mentor", matched["mentor"]!["name"]!.GetValue<string>());
        Assert.Equal(0.8, matched["compatibility"]!.GetValue<double>());
        Assert.Equal("region", matched["explanation"]![0]!["factor"]!.GetValue<string>());
        Assert.Equal(0.5, matched["explanation"]![0]!["contribution"]!.GetValue<double>());
        Assert.Equal(2, matched["explanation"]![0]!["weight"]!.GetValue<double>());
        Assert.Equal(1, matched["explanation"]![0]!["value"]!.GetValue<double>());
        Assert.NotNull(matched["kickedOffAt"]);
        var unmatched = body["items"]![1]!;
        Assert.Null(unmatched["mentor"]);
        Assert.Equal("No mentor left in the region.", unmatched["unmatchedReason"]!.GetValue<string>());
        Assert.NotNull(unmatched["matchedAt"]);
    }

    [Fact]
    public async Task Pairs_TopAndSkip_PageTheItemsButNotTheTotal()
    {
        var context = await WithProgramAsync();
        await context.Pairs.ReplaceAsync(ProgramId, StageName.Pilot, [Pair(1), Pair(2), Pair(3)], default);

        var body = await JsonAsync(context, "pairs", "?top=1&skip=1");

        Assert.Equal(3, body["total"]!.GetValue<int>());
        Assert.Equal(2, Assert.Single(body["items"]!.AsArray())!["pairNumber"]!.GetValue<int>());
    }

    [Fact]
    public async Task CheckIns_SomeAnswered_CountsAnsweredAndAveragesTheirRatings()
    {
        var context = await WithProgramAsync();
        await context.CheckIns.AddAsync(
            [CheckIn(1), CheckIn(2), CheckIn(3), CheckIn(1, ParticipantRoles.Mentor)], default);
        await context.CheckIns.AnswerAsync(ProgramId, CheckIn(1).CheckInId, new CheckInAnswer(5, "Great", Start.AddDays(1)), default);
        await context.CheckIns.AnswerAsync(ProgramId, CheckIn(2).CheckInId, new CheckInAnswer(2, null, Start.AddDays(1)), default);

        var body = await JsonAsync(context, "checkins", "?top=2");

        Assert.Equal(4, body["total"]!.GetValue<int>());
        Assert.Equal(2, body["answered"]!.GetValue<int>());
        Assert.Equal(3.5, body["averageRating"]!.GetValue<double>());
        Assert.Equal(2, body["items"]!.AsArray().Count);
        var first = body["items"]![0]!;
        Assert.Equal("pilot-1-00001-mentee", first["checkInId"]!.GetValue<string>());
        Assert.Equal("Pilot", first["stage"]!.GetValue<string>());
        Assert.Equal(1, first["round"]!.GetValue<int>());
        Assert.Equal(1, first["pairNumber"]!.GetValue<int>());
        Assert.Equal("mentee", first["role"]!.GetValue<string>());
        Assert.Equal("mia.mentee@example.com", first["participant"]!["email"]!.GetValue<string>());
        Assert.Equal(5, first["rating"]!.GetValue<int>());
        Assert.Equal("Great", first["comment"]!.GetValue<string>());
        Assert.NotNull(first["sentAt"]);
        Assert.NotNull(first["respondedAt"]);
    }

    [Fact]
    public async Task CheckIns_NoneAnswered_AverageIsNull()
    {
        var context = await WithProgramAsync();
        await context.CheckIns.AddAsync([CheckIn(1)], default);

        var body = await JsonAsync(context, "checkins", "");

        Assert.Equal(0, body["answered"]!.GetValue<int>());
        Assert.Null(body["averageRating"]);
        Assert.Null(body["items"]![0]!["rating"]);
    }

    [Fact]
    public async Task Stories_OnlyToldStoriesShow_InStoryIdOrderWithTheNextCohort()
    {
        var context = await WithProgramAsync();
        await context.Stories.AddAsync(
        [
            new StoryRecord
            {
                ProgramId = ProgramId,
                StoryId = StoryRecord.SponsorStoryId,
                Role = ParticipantRoles.Sponsor,
                ParticipantEmail = "sam@example.com",
                ParticipantName = "Sam Sponsor",
                RequestedAt = Start,
                Story = "Mentoring is how we grow leaders.",
                ConsentToShare = true,
                SubmittedAt = Start,
                Status = StoryStatus.Published,
            },
            Story(1), Story(2), Story(3),
        ], default);
        await context.Stories.SubmitAsync(ProgramId, Story(2).StoryId, new StorySubmission("It worked.", "Meet weekly.", true, null, Start.AddDays(2)), default);
        await context.Stories.SubmitAsync(ProgramId, Story(1).StoryId, new StorySubmission("Private.", null, false, "c@example.com", Start.AddDays(3)), default);
        await context.Stories.SetStatusAsync(ProgramId, Story(2).StoryId, StoryStatus.Published, default);
        await context.Stories.SaveNextCohortAsync(ProgramId, [new NextCohortCandidate("c@example.com", "Cara", "suggested", null, "person1@example.com", "lee@example.com")], default);

        var body = await JsonAsync(context, "stories", "");

        Assert.Equal(3, body["total"]!.GetValue<int>());
        Assert.Equal(2, body["published"]!.GetValue<int>());
        Assert.Equal(
            [StoryRecord.SponsorStoryId, "0001-mentee", "0002-mentee"],
            body["items"]!.AsArray().Select(s => s!["storyId"]!.GetValue<string>()));
        var sponsor = body["items"]![0]!;
        Assert.Equal("sponsor", sponsor["role"]!.GetValue<string>());
        Assert.Equal("Sam Sponsor", sponsor["participant"]!["name"]!.GetValue<string>());
        Assert.Equal("Published", sponsor["status"]!.GetValue<string>());
        var second = body["items"]![2]!;
        Assert.Equal("It worked.", second["story"]!.GetValue<string>());
        Assert.Equal("Meet weekly.", second["bestPractice"]!.GetValue<string>());
        Assert.True(second["consentToShare"]!.GetValue<bool>());
        Assert.NotNull(second["submittedAt"]);
        var next = Assert.Single(body["nextCohort"]!.AsArray())!;
        Assert.Equal("c@example.com", next["email"]!.GetValue<string>());
        Assert.Equal("suggested", next["source"]!.GetValue<string>());
        Assert.Equal("person1@example.com", next["suggestedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pledges_OfEveryLeader_CountPledgedDeclinedAndPending()
    {
        var context = await WithProgramAsync();
        await context.Approvals.SaveAsync(Approval("pledge-1", ApprovalKind.Pledge, "lee@example.com", "Lee Leader"), default);
        await context.Approvals.SaveAsync(Approval("pledge-2", ApprovalKind.Pledge, "kim@example.com", "Kim Leader"), default);
        await context.Approvals.SaveAsync(Approval("pledge-3", ApprovalKind.Pledge, "ola@example.com", "Ola Leader"), default);
        await context.Approvals.SaveAsync(Approval("endorsement", ApprovalKind.Endorsement), default);
        await context.Approvals.DecideAsync(ProgramId, "pledge-1", new ApprovalDecision(true, "lee@example.com", Start.AddDays(1), "Count on us.", "link"), default);
        await context.Approvals.DecideAsync(ProgramId, "pledge-2", new ApprovalDecision(false, "kim@example.com", Start.AddDays(1), null, "link"), default);

        var body = await JsonAsync(context, "pledges", "");

        Assert.Equal(3, body["total"]!.GetValue<int>());
        Assert.Equal(1, body["pledged"]!.GetValue<int>());
        Assert.Equal(1, body["declined"]!.GetValue<int>());
        Assert.Equal(1, body["pending"]!.GetValue<int>());
        var first = body["items"]![0]!;
        Assert.Equal("lee@example.com", first["leader"]!["email"]!.GetValue<string>());
        Assert.Equal("Lee Leader", first["leader"]!["name"]!.GetValue<string>());
        Assert.Equal("Pledged", first["status"]!.GetValue<string>());
        Assert.Equal("Count on us.", first["comment"]!.GetValue<string>());
        Assert.NotNull(first["decidedAt"]);
        Assert.Equal(["Pledged", "Declined", "Pending"], body["items"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()));
    }

    private static PairRecord Pair(int number) => new()
    {
        ProgramId = ProgramId,
        Stage = StageName.Pilot,
        PairNumber = number,
        MenteeEmail = $"mentee{number}@example.com",
        MenteeName = $"Mentee {number}",
        MatchedAt = Start,
    };

    private static Task<IResult> ListAsync(FormTestContext context, string list, string id, string query)
    {
        var request = GetWithQuery($"/api/programs/{id}/{list}", query);
        return list switch
        {
            "pairs" => context.Cohorts.PairsAsync(request, id, default),
            "checkins" => context.Cohorts.CheckInsAsync(request, id, default),
            "stories" => context.Cohorts.StoriesAsync(request, id, default),
            "pledges" => context.Cohorts.PledgesAsync(request, id, default),
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
    }

    private static async Task<JsonNode> JsonAsync(FormTestContext context, string list, string query)
    {
        var response = await RunAsync(await ListAsync(context, list, ProgramId, query));
        Assert.Equal(200, response.Status);
        return JsonNode.Parse(response.Body)!;
    }
}
