using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>Keyboard use, labels and focus on every page; no page scrolls sideways on a phone.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFixture fixture)
{
    // Every visible control has an accessible name; there is one h1; images have alt text; the language is set.
    private const string LabelAudit = """
        () => {
          const problems = [];
          const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
          for (const c of document.querySelectorAll('input, select, textarea')) {
            if (!visible(c) || c.type === 'hidden') continue;
            if (c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')) problems.push('unlabelled ' + c.outerHTML.slice(0, 80));
          }
          for (const b of document.querySelectorAll('button, a[href]')) {
            if (visible(b) && !(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('nameless ' + b.outerHTML.slice(0, 80));
          }
          for (const i of document.querySelectorAll('img')) if (!i.hasAttribute('alt')) problems.push('img without alt');
          const h1 = [...document.querySelectorAll('h1')].filter(visible).length;
          if (h1 !== 1) problems.push(h1 + ' visible h1 elements');
          if (document.documentElement.lang !== 'en') problems.push('no lang');
          return problems;
        }
        """;

    private const string SidewaysScroll = "() => document.documentElement.scrollWidth - window.innerWidth";

    [Fact]
    public async Task EveryPage_Controls_HaveLabelsAndOneHeading()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        var id = await session.SubmitAsync(Definitions.WaitsForCharter());

        await page.GotoAsync("/");
        await AssertLabelledAsync(page, "key gate");
        await session.SignInAsync();
        await AssertLabelledAsync(page, "programs");
        foreach (var (route, name) in new[] { ("#/start", "start"), ($"#/programs/{id}", "program"), ("#/outbox", "outbox") })
        {
            await page.GotoAsync("/api/dashboard/" + route);
            await Expect(page.Locator("h1")).Not.ToHaveTextAsync("Program");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertLabelledAsync(page, name);
        }

        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Keyboard_FromTheTop_SkipLinkThenNavigationAndFocusMovesToTheNewPage()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var page = session.Page;
        // A fresh load (the key stays in the tab's session): the focus starts at the top of the document.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programs", Level = 1 })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.EndsWith("/api/dashboard/", page.Url, StringComparison.Ordinal);

        var start = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Start a program" });
        await start.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a program", Level = 1 })).ToBeFocusedAsync();
        await Expect(start).ToHaveAttributeAsync("aria-current", "page");
        // The focus ring is drawn for keyboard users.
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        session.AssertNoBrowserErrors();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task EveryPage_AtThisWidth_DoesNotScrollSideways(int width, int height)
    {
        await using var session = await fixture.OpenAsync(width, height);
        var page = session.Page;
        var id = await session.SubmitAsync(Definitions.WaitsForCharter());
        await session.WaitForStatusAsync(id, "WaitingForApproval");
        await session.SignInAsync();

        foreach (var route in new[] { "#/", "#/start", $"#/programs/{id}", "#/outbox" })
        {
            await page.GotoAsync("/api/dashboard/" + route);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await page.EvaluateAsync<int>(SidewaysScroll) <= 0, $"{route} scrolls sideways at {width}px.");
        }

        await page.GotoAsync($"/api/dashboard/#/programs/{id}");
        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Waiting for approval");
        await session.ScreenshotAsync($"14-program-waiting-{width}");
        await page.GotoAsync("/api/dashboard/#/start");
        await session.ScreenshotAsync($"15-start-form-{width}");
        session.AssertNoBrowserErrors();
    }

    private static async Task AssertLabelledAsync(IPage page, string name)
    {
        var problems = await page.EvaluateAsync<string[]>(LabelAudit);
        Assert.True(problems.Length == 0, $"The {name} page: " + string.Join("; ", problems));
    }
}
