using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>
/// The program page's pledges, pairs, check-ins and stories, with a program its people run to the end through the
/// links in their emails (<see cref="OutboxResponder"/>), watched on one page that is never reloaded.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CohortPanelsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ProgramPage_ProgramRunByItsPeople_ShowsPledgesPairsCheckInsAndStories()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var id = await session.StartProgramAsync(Definitions.RunByItsPeople());
        var page = session.Page;
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Expect(page.Locator("#pairs")).ToHaveTextAsync("No pairs yet — matching happens in the Pilot stage.");

        await using (var people = new OutboxResponder(session.Api, id))
        {
            // A mentee who was not eligible is the colleague one participant suggests for the next cohort.
            await Expect(session.Stage("Criteria")).ToHaveAttributeAsync("data-state", "Done", new() { Timeout = 60_000 });
            var candidates = await ReadAsync(session, $"api/programs/{id}/candidates?top=1000");
            people.SuggestedColleague = candidates["items"]!.AsArray().Select(c => c!.AsObject())
                .First(c => c["pool"]!.GetValue<string>() == "mentee" && !c["eligible"]!.GetValue<bool>())["email"]!.GetValue<string>();

            // Pairs appear while the pilot runs, without a reload.
            await Expect(page.Locator("#pairs-table tbody tr[data-matched='true']").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Expect(session.Stage("Pilot")).ToHaveAttributeAsync("data-state", "Active");
            await session.ScreenshotAsync("11-program-pilot-pairs");

            await Expect(page.Locator("#program-status")).ToHaveTextAsync("Completed", new() { Timeout = 180_000 });
            Assert.Empty(people.Problems);
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");
        var stages = (await ReadAsync(session, $"api/programs/{id}"))["stages"]!.AsArray();
        Assert.All(stages, s => Assert.Equal("Done", s!["state"]!.GetValue<string>()));

        await PledgesAsShownByTheApiAsync(session, id);
        await PairsWithTheirExplanationAsync(session, id);
        await CheckInsWithTheLowRatingMarkedAsync(session, id);
        await StoriesWithTheSponsorFirstAsync(session, id);
        await session.ScreenshotAsync("12-program-cohort-1280");
        await PanelScreenshotsAsync(page, "12", "1280");

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "The program page scrolls sideways at 390px.");
        await session.ScreenshotAsync("13-program-cohort-390");
        await PanelScreenshotsAsync(page, "13", "390");
        session.AssertNoBrowserErrors();
    }

    private static async Task PledgesAsShownByTheApiAsync(DashboardSession session, string id)
    {
        var page = session.Page;
        var pledges = await ReadAsync(session, $"api/programs/{id}/pledges?top=1000");
        // Every leader asked pledged through their link, except the one who declined.
        var total = pledges["total"]!.GetValue<int>();
        Assert.Equal(1, pledges["declined"]!.GetValue<int>());
        Assert.Equal(total - 1, pledges["pledged"]!.GetValue<int>());
        await Expect(page.Locator("#pledges-count")).ToHaveTextAsync($"{total} leaders asked");
        await Expect(page.Locator("#pledges-summary")).ToContainTextAsync($"Pledged{total - 1}");
        await Expect(page.Locator("#pledges-summary")).ToContainTextAsync("Declined1");
        await Expect(page.Locator("#pledges-summary")).ToContainTextAsync("Pending0");
        var declined = page.Locator($"#pledges-table tbody tr[data-leader='{OutboxResponder.DecliningLeader}']");
        await Expect(declined.Locator("td[data-label='Status']")).ToHaveTextAsync("Declined");
        await Expect(declined).ToContainTextAsync("Not this quarter");
        await Expect(page.Locator("#pledges-table tbody tr[data-status='Pledged']")).ToHaveCountAsync(Math.Min(25, total) - 1);
    }

    private static async Task PairsWithTheirExplanationAsync(DashboardSession session, string id)
    {
        var page = session.Page;
        var pairs = (await ReadAsync(session, $"api/programs/{id}/pairs?top=1000"))["items"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var matched = pairs.Where(p => p["mentor"] is not null).ToList();
        Assert.NotEmpty(matched);
        await Expect(page.Locator("#pairs-count")).ToHaveTextAsync($"{matched.Count} pair{(matched.Count == 1 ? "" : "s")} matched, {pairs.Count - matched.Count} unmatched");
        await Expect(page.Locator("#pairs-table tbody tr:not(.explanation)")).ToHaveCountAsync(Math.Min(25, pairs.Count));

        var first = matched[0];
        var row = page.Locator($"#pairs-table tbody tr[data-mentee='{first["mentee"]!["email"]!.GetValue<string>()}'][data-stage='{first["stage"]!.GetValue<string>()}']");
        await Expect(row.Locator("td[data-label='Mentor']")).ToContainTextAsync(first["mentor"]!["name"]!.GetValue<string>());
        await Expect(row.Locator("td[data-label='Compatibility']")).ToHaveTextAsync(
            first["compatibility"]!.GetValue<double>().ToString("0.###", CultureInfo.GetCultureInfo("en-GB")));
        var explain = row.Locator("td[data-label='Why'] button");
        await Expect(explain).ToHaveAttributeAsync("aria-expanded", "false");
        await explain.ClickAsync();
        await Expect(explain).ToHaveAttributeAsync("aria-expanded", "true");
        var why = page.GetByRole(AriaRole.Region, new()
        {
            Name = $"Why: {first["mentee"]!["name"]!.GetValue<string>()} with {first["mentor"]!["name"]!.GetValue<string>()}",
        });
        var factors = first["explanation"]!.AsArray();
        await Expect(why.Locator("tbody tr")).ToHaveCountAsync(factors.Count);
        await Expect(why.Locator($"tr[data-factor='{factors[0]!["factor"]!.GetValue<string>()}']")).ToBeVisibleAsync();

        // The pairs of one stage only.
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("Rollout");
        await Expect(page.Locator("#pairs-table tbody tr[data-stage='Pilot']")).ToHaveCountAsync(0);
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("");
    }

    private static async Task CheckInsWithTheLowRatingMarkedAsync(DashboardSession session, string id)
    {
        var page = session.Page;
        var checkIns = await ReadAsync(session, $"api/programs/{id}/checkins?top=1000");
        var total = checkIns["total"]!.GetValue<int>();
        var answered = checkIns["answered"]!.GetValue<int>();
        Assert.InRange(answered, 1, total - 1); // every third participant never answers
        Assert.Equal(1, checkIns["alerts"]!.GetValue<int>());
        await Expect(page.Locator("#checkins-count")).ToHaveTextAsync($"{answered} of {total} check-ins answered");
        await Expect(page.Locator("#checkins-summary")).ToContainTextAsync(
            $"{checkIns["averageRating"]!.GetValue<double>().ToString("0.##", CultureInfo.GetCultureInfo("en-GB"))} / 5");
        await Expect(page.Locator("#checkins-summary")).ToContainTextAsync("Low-rating alerts (2 or less)1");

        // The low rating is written as an alert, with its comment; the filter shows it alone.
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("alerts");
        var alert = page.Locator("#checkins-table tbody tr");
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert).ToHaveAttributeAsync("data-alert", "true");
        await Expect(alert.Locator("td[data-label='Rating']")).ToHaveTextAsync("2 / 5 · Alert");
        await Expect(alert.Locator("td[data-label='Comment']")).ToHaveTextAsync(OutboxResponder.LowRatingComment);
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("open");
        await Expect(page.Locator("#checkins-table tbody tr")).ToHaveCountAsync(Math.Min(25, total - answered));
        await Expect(page.Locator("#checkins-table tbody tr").First).ToContainTextAsync("Not yet");
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("");
    }

    private static async Task StoriesWithTheSponsorFirstAsync(DashboardSession session, string id)
    {
        var page = session.Page;
        var stories = await ReadAsync(session, $"api/programs/{id}/stories?top=1000");
        var told = stories["total"]!.GetValue<int>();
        await Expect(page.Locator("#stories-count")).ToContainTextAsync($"{told} stories told, {stories["published"]!.GetValue<int>()} published");
        var cards = page.Locator("#stories-list > li");
        await Expect(cards).ToHaveCountAsync(Math.Min(10, told));
        await Expect(cards.First).ToHaveAttributeAsync("data-role", "sponsor");
        await Expect(cards.First).ToContainTextAsync("The sponsor’s message");
        await Expect(cards.First).ToContainTextAsync(OutboxResponder.EndorsementMessage);
        await Expect(page.Locator("#stories-list > li[data-status='NotPublished']").First).ToContainTextAsync("Not to be shared (no consent).");
        await Expect(page.Locator("#stories-list > li[data-role='mentee'], #stories-list > li[data-role='mentor']").First).ToContainTextAsync("Best practice:");

        var next = stories["nextCohort"]!.AsArray();
        Assert.NotEmpty(next);
        await Expect(page.Locator("#next-cohort-table tbody tr")).ToHaveCountAsync(Math.Min(25, next.Count));
        await Expect(page.Locator("#next-cohort-table")).ToContainTextAsync(next[0]!["name"]!.GetValue<string>());
        if (next.Count > 25)
        {
            var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of the next cohort" });
            await pages.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();
            await Expect(page.Locator("#next-cohort-table caption")).ToContainTextAsync($"26–{Math.Min(50, next.Count)} of {next.Count}");
            await Expect(page.Locator("#next-cohort-table tbody tr").First).ToHaveAttributeAsync("data-email", next[25]!["email"]!.GetValue<string>());
            await pages.GetByRole(AriaRole.Button, new() { Name = "← Previous" }).ClickAsync();
        }
    }

    // The whole page is too tall to read in one picture: each panel on its own as well.
    private static async Task PanelScreenshotsAsync(IPage page, string number, string width)
    {
        foreach (var panel in new[] { "pledges", "pairs", "checkins", "stories" })
        {
            await page.Locator($"section[aria-labelledby='{panel}-title']").ScreenshotAsync(new()
            {
                Path = Path.Combine(DashboardFixture.ScreenshotFolder, $"{number}-{panel}-panel-{width}.png"),
            });
        }
    }

    private static async Task<JsonObject> ReadAsync(DashboardSession session, string path) =>
        JsonNode.Parse(await session.Api.GetStringAsync(path))!.AsObject();
}
