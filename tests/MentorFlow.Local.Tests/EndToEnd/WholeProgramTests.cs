using System.Net;
using System.Text.Json.Nodes;
using MentorFlow.Local.Tests.Api;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.EndToEnd;

/// <summary>
/// A whole program through the local host with the sample company and the outbox, driven only by what people do with
/// their email: every approval link approved (the sponsor writes a message), every check-in and story form answered.
/// It must end Completed with the stories in the digest.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class WholeProgramTests(LocalHostFixture fixture)
{
    private const string SponsorMessage = "I became a sales leader because someone mentored me. Pay it forward.";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task QuickDemo_FollowingEveryLinkInTheOutbox_EndsCompletedWithStoriesInTheDigest()
    {
        // The quick demo's approval policy as it is; its pilot, rollout and story waits shortened to seconds.
        var definition = SampleDefinition();
        definition["pilot"] = new JsonObject { ["pairs"] = 4, ["duration"] = "PT8S", ["checkIns"] = new JsonArray("PT2S") };
        definition["rollout"] = new JsonObject { ["duration"] = "PT8S", ["checkIns"] = new JsonArray("PT2S") };
        definition["stories"] = new JsonObject { ["requestAfter"] = "PT1S" };
        var id = await SubmitAsync(Client, definition);
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var checkInsAnswered = 0;
        var storiesTold = 0;
        string? firstCheckIn = null;
        string? firstStory = null;

        var deadline = DateTime.UtcNow + Deadline;
        JsonObject program;
        do
        {
            foreach (var email in await OutboxAsync(id))
            {
                foreach (var link in email["links"]!.AsArray().Select(l => l!.GetValue<string>()))
                {
                    var path = new Uri(link).AbsolutePath;
                    if (!followed.Add(path))
                    {
                        continue;
                    }

                    if (path.Contains("/api/approvals/", StringComparison.Ordinal) && link.Contains("decision=approve", StringComparison.Ordinal))
                    {
                        using var response = await PostDecisionAsync(browser, link, "approve", SponsorMessage);
                        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{link}: {(int)response.StatusCode}");
                    }
                    else if (path.Contains("/api/checkins/", StringComparison.Ordinal))
                    {
                        firstCheckIn ??= await OpenFormAsync(browser, link);

                        // The first answer is a poor rating: the program manager must hear of it at once.
                        var rating = checkInsAnswered++ == 0 ? "2" : "5";
                        using var response = await PostFormAsync(browser, link, new() { ["rating"] = rating, ["comment"] = $"Check-in answered with {rating}." });
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        TokenPageHeaders.AssertPresent(response);
                    }
                    else if (path.Contains("/api/stories/", StringComparison.Ordinal))
                    {
                        firstStory ??= await OpenFormAsync(browser, link);
                        var story = $"Story {++storiesTold}: my mentor showed me how to run a pipeline review.";
                        using var response = await PostFormAsync(browser, link, new()
                        {
                            ["story"] = story,
                            ["bestPractice"] = "Bring one stalled deal to every meeting.",
                            ["consent"] = "yes",
                        });
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        TokenPageHeaders.AssertPresent(response);
                    }
                }
            }

            program = await GetAsync(Client, id);
            if (program["status"]!.GetValue<string>() is "Completed" or "Declined" or "Failed" or "Cancelled")
            {
                break;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(program["status"]!.GetValue<string>() == "Completed", $"The program did not complete: {program.ToJsonString()}");
        Assert.All(program["stages"]!.AsArray(), s => Assert.Equal("Done", s!["state"]!.GetValue<string>()));

        var pairs = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/pairs?top=100"))!;
        Assert.True(pairs["total"]!.GetValue<int>() >= 4);
        var checkIns = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/checkins?top=100"))!;
        Assert.True(checkIns["answered"]!.GetValue<int>() > 0);
        var pledges = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/pledges"))!;
        Assert.True(pledges["pledged"]!.GetValue<int>() > 0);
        var stories = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/stories?top=100"))!;
        Assert.True(stories["published"]!.GetValue<int>() > 1, "The sponsor's story and participants' stories are published.");

        var outbox = await OutboxAsync(id);
        Assert.Contains(outbox, m => m["purpose"]!.GetValue<string>() == "checkin-alert");
        Assert.Contains(outbox, m => m["purpose"]!.GetValue<string>() == "lessons-learned");
        Assert.Contains(outbox, m => m["purpose"]!.GetValue<string>() == "kickoff");
        var digest = Assert.Single(outbox, m => m["purpose"]!.GetValue<string>() == "digest");
        var digestText = digest["text"]!.GetValue<string>();
        Assert.Contains(SponsorMessage, digestText, StringComparison.Ordinal);
        Assert.Contains("my mentor showed me how to run a pipeline review", digestText, StringComparison.Ordinal);
        Assert.True(digest["to"]!.AsArray().Count > 10, "The digest goes to the target population and the leaders.");
        Assert.Contains(await AuditAsync(Client, id), e => e!["action"]!.GetValue<string>() == "ProgramCompleted");

        // The program has ended: its form links answer 410 and take nothing more.
        foreach (var link in new[] { firstCheckIn, firstStory })
        {
            Assert.NotNull(link);
            using var page = await browser.GetAsync(link);
            using var post = await PostFormAsync(browser, link, new() { ["rating"] = "1", ["story"] = "Too late." });
            foreach (var response in new[] { page, post })
            {
                Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
                Assert.Contains("was completed on", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                TokenPageHeaders.AssertPresent(response);
            }
        }
    }

    // A form link opens its form (GET decides nothing), with the token pages' headers; returns the link.
    private static async Task<string> OpenFormAsync(HttpClient browser, string link)
    {
        using var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        TokenPageHeaders.AssertPresent(page);
        return link;
    }

    private async Task<List<JsonObject>> OutboxAsync(string programId) =>
        [.. JsonNode.Parse(await Client.GetStringAsync("api/dev/outbox"))!.AsArray()
            .Select(m => m!.AsObject())
            .Where(m => m["programId"]?.GetValue<string>() == programId)
            .Reverse()];

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string link, Dictionary<string, string> fields) =>
        browser.PostAsync(new Uri(link).GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields));
}
