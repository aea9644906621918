using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>The programs list, the key it asks for, its empty state, and a host without an outbox.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProgramListTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Root_WithoutKey_LeadsToTheDashboardAndRefusesAWrongKeyNextToTheField()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/");

        Assert.EndsWith("/api/dashboard/", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter the API key" })).ToBeVisibleAsync();
        await page.GetByLabel("API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var field = page.GetByLabel("API key");
        await Expect(page.Locator("#api-key-error")).ToHaveTextAsync("MentorFlow refused this key. Check it and try again.");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", "api-key-error api-key-hint");
        await Expect(field).ToBeFocusedAsync();
        await session.ScreenshotAsync("01-key-refused");

        await field.FillAsync(session.ApiKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programs", Level = 1 })).ToBeFocusedAsync();
        Assert.Equal(session.ApiKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('mentorflow.apiKey')"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('mentorflow.apiKey')"));
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ProgramList_ProgramWaitingForCharter_ShowsStatusStageAndWhomItWaitsFor()
    {
        await using var session = await fixture.OpenAsync();
        var id = await session.SubmitAsync(Definitions.WaitsForCharter());
        await session.WaitForStatusAsync(id, "WaitingForApproval");

        await session.SignInAsync();

        var row = session.Page.Locator($"#programs-table tr[data-program-id='{id}']");
        await Expect(row).ToContainTextAsync("Waiting for approval");
        await Expect(row).ToContainTextAsync("Define");
        await Expect(row).ToContainTextAsync("Charter confirmation from priya.patel@example.com");
        await session.ScreenshotAsync("11-programs-1280");
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.ScreenshotAsync("12-programs-390");

        await row.GetByRole(AriaRole.Link, new() { Name = "Sales Leadership Mentoring 2027" }).ClickAsync();
        await Expect(session.Page.Locator("#program-name")).ToBeFocusedAsync();
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ProgramList_NoPrograms_ShowsTheEmptyStateWithAWayToStart()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        // The shared host has programs from other tests: this page is shown the answer of a host that has none.
        await session.Page.RouteAsync("**/api/programs", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "[]" }));

        await session.Page.ReloadAsync();

        var empty = session.Page.Locator(".empty");
        await Expect(empty.GetByRole(AriaRole.Heading, new() { Name = "No programs yet" })).ToBeVisibleAsync();
        await Expect(empty.GetByRole(AriaRole.Link, new() { Name = "Start a program" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Status")).ToBeHiddenAsync();
        await session.ScreenshotAsync("13-programs-empty");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task ProgramList_MoreThanAPage_PagesAndFilters()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        // A host with 45 programs, newest first, as the list API answers.
        var programs = new JsonArray([.. Enumerable.Range(1, 45).Reverse().Select(n => (JsonNode)new JsonObject
        {
            ["id"] = $"prg-{n:D4}",
            ["name"] = $"Program {n}",
            ["status"] = n % 2 == 0 ? "Completed" : "Cancelled",
            ["stage"] = null,
            ["createdAt"] = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(n).ToString("O"),
        })]);
        await session.Page.RouteAsync("**/api/programs", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = programs.ToJsonString() }));
        await session.Page.ReloadAsync();
        var rows = session.Page.Locator("#programs-table tbody tr");

        await Expect(rows).ToHaveCountAsync(20);
        await Expect(rows.First).ToContainTextAsync("Program 45");
        await Expect(session.Page.GetByText("Page 1 of 3")).ToBeVisibleAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(rows.First).ToContainTextAsync("Program 25");
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeFocusedAsync();

        await session.Page.GetByLabel("Status").SelectOptionAsync("Cancelled");
        await session.Page.GetByLabel("Name contains").FillAsync("Program 1");

        // Cancelled (odd) programs whose name contains "Program 1": 1, 11, 13, 15, 17, 19.
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(session.Page.Locator("#programs-table caption")).ToHaveTextAsync("6 of 45 programs match the filters");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Navigation_HostWithoutOutbox_HidesTheOutbox()
    {
        await using var session = await fixture.OpenAsync();
        // The Functions app in Azure has no /api/dev/outbox.
        await session.Page.RouteAsync("**/api/dev/outbox", route => route.FulfillAsync(new() { Status = 404, ContentType = "application/problem+json", Body = "{}" }));

        await session.SignInAsync();
        await Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First).ToBeVisibleAsync();

        await Expect(session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Outbox" })).ToHaveCountAsync(0);
        session.AssertNoBrowserErrors();
    }
}
