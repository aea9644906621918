using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>The program page: stages that advance on their own while the page is open, and cancelling.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProgramPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ProgramPage_ProgramThatCompletesByItself_StagesAdvanceWithoutReload()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var id = await session.StartProgramAsync(Definitions.CompletesByItself());
        var page = session.Page;
        // A reload would drop this marker.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Completed", new() { Timeout = 45_000 });

        await Expect(session.Stage("Define")).ToHaveAttributeAsync("data-state", "Done");
        await Expect(session.Stage("Define")).ToContainTextAsync("confirmed by the timeout policy");
        // Every stage as the API has it. Define to Sponsorship are done; silence declines every mentor invitation, so
        // the pilot has no pairs and the stages after it are skipped, each saying why.
        var stages = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}"))!["stages"]!.AsArray();
        Assert.Equal(7, stages.Count);
        Assert.Equal(
            ["Done", "Done", "Done", "Done"],
            stages.Take(4).Select(s => s!["state"]!.GetValue<string>()));
        foreach (var stage in stages.Select(s => s!.AsObject()))
        {
            var shown = session.Stage(stage["name"]!.GetValue<string>());
            await Expect(shown).ToHaveAttributeAsync("data-state", stage["state"]!.GetValue<string>());
            await Expect(shown).ToContainTextAsync(stage["summary"]!.GetValue<string>());
        }

        await Expect(page.Locator("#program-live")).ToContainTextAsync("no longer refreshes");
        await Expect(page.Locator("#waiting-for")).ToContainTextAsync("Nothing: the program has ended.");
        await Expect(page.Locator("#counts dl")).ToBeVisibleAsync();
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Stage completed");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel program" })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");
        // Nobody accepted to mentor: every mentee is listed unmatched, with the reason; the leaders' silence is no pledge.
        var pairs = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}/pairs?top=1000"))!["items"]!.AsArray();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.Null(p!["mentor"]));
        await Expect(page.Locator("#pairs-table tbody tr[data-matched='false']")).ToHaveCountAsync(Math.Min(25, pairs.Count));
        await Expect(page.Locator("#pairs-table tbody tr").First).ToContainTextAsync(pairs[0]!["unmatchedReason"]!.GetValue<string>());
        await Expect(page.Locator("#pairs-count")).ToHaveTextAsync($"0 pairs matched, {pairs.Count} unmatched");
        var pledges = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}/pledges?top=1000"))!;
        Assert.Equal(pledges["total"]!.GetValue<int>(), pledges["declined"]!.GetValue<int>());
        await Expect(page.Locator("#pledges-table tbody tr[data-status='Declined']")).ToHaveCountAsync(Math.Min(25, pledges["total"]!.GetValue<int>()));

        // Candidates, ranked, as the API has them; nominations all approved by the timeout policy — shown without a reload.
        var candidates = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}/candidates?top=1000"))!;
        var all = candidates["items"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(candidates["total"]!.GetValue<int>(), all.Count);
        var top = all[0];
        Assert.Equal(1, top["rank"]!.GetValue<int>());
        var rows = page.Locator("#candidates-table > tbody > tr:not(.explanation)");
        await Expect(rows).ToHaveCountAsync(Math.Min(25, all.Count));
        await Expect(page.Locator("#candidates-table caption")).ToContainTextAsync($"1–25 of {all.Count}");
        await Expect(rows.First).ToHaveAttributeAsync("data-email", top["email"]!.GetValue<string>());
        await Expect(rows.First.Locator("td[data-label='Rank']")).ToHaveTextAsync("1");
        await Expect(rows.Nth(1).Locator("td[data-label='Rank']")).ToHaveTextAsync("2");
        await Expect(rows.First).ToContainTextAsync("Nominated · Approved");

        var nominations = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}/nominations?top=1000"))!["items"]!.AsArray();
        Assert.NotEmpty(nominations);
        var nominationRows = page.Locator("#nominations-table tbody tr");
        await Expect(nominationRows).ToHaveCountAsync(Math.Min(25, nominations.Count));
        await Expect(page.Locator("#nominations-table tbody tr[data-status='Approved']")).ToHaveCountAsync(Math.Min(25, nominations.Count));
        await Expect(page.Locator("#nominations-count")).ToHaveTextAsync($"{nominations.Count} nominations, {nominations.Count} decided");

        // The explanation opens on demand: rules with pass/fail and detail, the score's contributions, the metrics.
        var explain = rows.First.Locator("td[data-label='Why'] button");
        await Expect(explain).ToHaveAttributeAsync("aria-expanded", "false");
        await explain.ClickAsync();
        await Expect(explain).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(explain).ToContainTextAsync("Hide explanation");
        var why = page.GetByRole(AriaRole.Region, new() { Name = "Why: " + top["name"]!.GetValue<string>() });
        await Expect(why).ToBeVisibleAsync();
        var firstRule = top["rules"]![0]!;
        await Expect(why.Locator("ul.rules li[data-passed='true']")).ToHaveCountAsync(top["rules"]!.AsArray().Count);
        await Expect(why.Locator("ul.rules")).ToContainTextAsync(firstRule["rule"]!.GetValue<string>());
        await Expect(why.Locator("ul.rules")).ToContainTextAsync(firstRule["detail"]!.GetValue<string>());
        await Expect(why.Locator("table.contributions tbody tr")).ToHaveCountAsync(top["contributions"]!.AsArray().Count);
        await Expect(why.Locator("dl.metrics")).ToContainTextAsync("Quota attainment");
        await session.ScreenshotAsync("04-program-completed-1280");

        // Sorted by name, filtered to mentors, then to people who are not eligible (with the rule that failed).
        await page.GetByLabel("Sort by").SelectOptionAsync("name");
        var byName = all.OrderBy(c => c["name"]!.GetValue<string>(), StringComparer.InvariantCulture).First();
        await Expect(rows.First).ToHaveAttributeAsync("data-email", byName["email"]!.GetValue<string>());
        await page.GetByLabel("Pool").SelectOptionAsync("mentor");
        await Expect(page.Locator("#candidates-table caption")).ToContainTextAsync(
            $"of {all.Count(c => c["pool"]!.GetValue<string>() == "mentor")} matching");
        await Expect(page.Locator("#candidates-table > tbody > tr[data-pool='mentee']")).ToHaveCountAsync(0);
        await page.GetByLabel("Pool").SelectOptionAsync("");
        await page.GetByLabel("Eligibility").SelectOptionAsync("no");
        var ineligible = all.Count(c => !c["eligible"]!.GetValue<bool>());
        Assert.True(ineligible > 0, "The sample company has people who are not eligible.");
        await Expect(page.Locator("#candidates-table caption")).ToContainTextAsync($"of {ineligible} matching");
        await Expect(page.Locator("#candidates-table > tbody > tr[data-eligible='true']")).ToHaveCountAsync(0);
        await Expect(rows.First).ToContainTextAsync("failed");
        await page.GetByLabel("Sort by").SelectOptionAsync("rank");
        await page.GetByLabel("Eligibility").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next →" }).First.ClickAsync();
        await Expect(page.Locator("#candidates-table caption")).ToContainTextAsync($"26–");
        await Expect(rows.First).ToHaveAttributeAsync("data-email", all[25]["email"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "← Previous" }).First.ClickAsync();

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "The program page scrolls sideways at 390px.");
        await session.ScreenshotAsync("05-program-completed-390");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ProgramPage_CancelConfirmed_ShowsCancelledWithWhoAndWhy()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var id = await session.SubmitAsync(Definitions.WaitsForCharter());
        var page = session.Page;
        await page.GotoAsync($"/api/dashboard/#/programs/{id}");
        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Waiting for approval", new() { Timeout = 30_000 });

        // Escape keeps the program running and gives the focus back to the button.
        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Cancel program" });
        await cancel.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this program?" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Your name")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(cancel).ToBeFocusedAsync();

        await cancel.ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Hana Okafor");
        await page.GetByLabel("Reason (optional)").FillAsync("The budget moved to next year.");
        await session.ScreenshotAsync("09-cancel-dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the program" }).ClickAsync();

        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#program-reason")).ToContainTextAsync("The budget moved to next year.");
        await Expect(page.Locator("#program-reason")).ToContainTextAsync("Cancelled by Hana Okafor");
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Program cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel program" })).ToHaveCountAsync(0);
        var stored = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}"))!;
        Assert.Equal("Cancelled", stored["status"]!.GetValue<string>());
        Assert.Equal("Hana Okafor", stored["cancelledBy"]!.GetValue<string>());
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ProgramPage_CancelWithBlankName_AsksForTheNameAndKeepsTheProgramRunning()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var id = await session.SubmitAsync(Definitions.WaitsForCharter());
        var page = session.Page;
        await page.GotoAsync($"/api/dashboard/#/programs/{id}");
        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Waiting for approval", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel program" }).ClickAsync();
        var name = page.GetByLabel("Your name");
        await Expect(name).ToHaveAttributeAsync("aria-required", "true");
        await name.FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the program" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this program?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter your name");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToBeFocusedAsync();
        var stored = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}"))!;
        Assert.Equal("WaitingForApproval", stored["status"]!.GetValue<string>());
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ProgramPage_UnknownId_SaysSo()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();

        await session.Page.GotoAsync("/api/dashboard/#/programs/prg-0000");

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Program not found" })).ToBeVisibleAsync();
        session.AssertNoBrowserErrors();
    }
}
