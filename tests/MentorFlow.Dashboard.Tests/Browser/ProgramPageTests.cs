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
        // Every stage as the API has it: this version skips the stages after Roles and says why.
        var stages = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}"))!["stages"]!.AsArray();
        Assert.Equal(7, stages.Count);
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
        await session.ScreenshotAsync("04-program-completed-1280");

        await page.SetViewportSizeAsync(390, 844);
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
    public async Task ProgramPage_UnknownId_SaysSo()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();

        await session.Page.GotoAsync("/api/dashboard/#/programs/prg-0000");

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Program not found" })).ToBeVisibleAsync();
        session.AssertNoBrowserErrors();
    }
}
