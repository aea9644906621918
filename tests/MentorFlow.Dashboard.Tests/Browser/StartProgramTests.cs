using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>Starting a program from the page: the sample pasted, a broken definition, a double click.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StartProgramTests(DashboardFixture fixture)
{
    [Fact]
    public async Task StartForm_SamplePasted_ShowsTheProgramWaitingForItsCharterConfirmation()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();

        var id = await session.StartProgramAsync(Definitions.WaitsForCharter());

        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sales Leadership Mentoring 2027", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Waiting for approval", new() { Timeout = 30_000 });
        await Expect(page.Locator("#waiting-table")).ToContainTextAsync("Charter confirmation");
        await Expect(page.Locator("#waiting-table")).ToContainTextAsync("priya.patel@example.com");
        await Expect(session.Stage("Define")).ToHaveAttributeAsync("data-state", "Active");
        await Expect(session.Stage("Roles")).ToHaveAttributeAsync("data-state", "Pending");
        await Expect(page.GetByText("Program started.")).ToBeVisibleAsync();
        await Expect(page.Locator("#audit-table")).ToContainTextAsync("Program submitted");
        // The later stages' panels say what will fill them, rather than look empty.
        await Expect(page.Locator("#pairs")).ToHaveTextAsync("No pairs yet — matching happens in the Pilot stage.");
        await Expect(page.Locator("#pledges")).ToContainTextAsync("No pledges yet");
        Assert.StartsWith("prg-", id, StringComparison.Ordinal);
        await session.ScreenshotAsync("03-program-waiting-for-charter");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task StartForm_BrokenDefinition_ShowsEachProblemNextToTheLineItNames()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var before = await ProgramCountAsync(session);
        var broken = Definitions.WaitsForCharterWith(d =>
        {
            d["sponsor"]!["email"] = "sam.rivera";
            d["criteria"]!["mentee"]!.AsObject().Remove("maxNominees");
            d["criteria"]!["mentee"]!["maxNominee"] = 20;
        });

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First.ClickAsync();
        await session.Page.GetByLabel("Program definition (JSON)").FillAsync(broken.ToJsonString(Definitions.Indented));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();

        var page = session.Page;
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("The definition has 3 problems; no program was started");
        var email = page.Locator(".problem", new() { Has = page.Locator(".field-error[data-path='sponsor.email']") });
        await Expect(email.Locator(".line.hit")).ToContainTextAsync("\"email\": \"sam.rivera\"");
        await Expect(email.Locator(".field-error[data-path='sponsor.email']")).ToContainTextAsync("not a valid email address");
        var unknown = page.Locator(".problem", new() { Has = page.Locator(".field-error[data-path='criteria.mentee.maxNominee']") });
        await Expect(unknown.Locator(".line.hit")).ToContainTextAsync("\"maxNominee\": 20");
        // A missing field is shown where the object that lacks it starts.
        var missing = page.Locator(".problem", new() { Has = page.Locator(".field-error[data-path='criteria.mentee.maxNominees']") });
        await Expect(missing.Locator(".line.hit")).ToContainTextAsync("\"mentee\": {");
        await Expect(page.GetByLabel("Program definition (JSON)")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.ScreenshotAsync("02-start-form-problems-next-to-fields");

        await email.GetByRole(AriaRole.Button, new() { Name = "Edit line" }).ClickAsync();
        await Expect(page.GetByLabel("Program definition (JSON)")).ToBeFocusedAsync();
        var selected = await page.EvaluateAsync<string>("() => { const t = document.getElementById('definition'); return t.value.slice(t.selectionStart, t.selectionEnd); }");
        Assert.Contains("\"email\": \"sam.rivera\"", selected, StringComparison.Ordinal);
        Assert.Equal(before, await ProgramCountAsync(session));
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task StartForm_MalformedJson_ShowsTheProblemAtTheLineTheApiNames()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First.ClickAsync();
        await session.Page.GetByLabel("Program definition (JSON)").FillAsync("{\n  \"name\": \"x\",\n  \"purpose\": ,\n}");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();

        var problem = session.Page.Locator(".problem", new() { Has = session.Page.Locator(".field-error[data-path='$']") });
        await Expect(problem.Locator(".line.hit")).ToContainTextAsync("\"purpose\": ,");
        await Expect(problem).ToContainTextAsync("not valid JSON");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task StartForm_EmptyDefinition_AsksForOneNextToTheBox()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First.ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();

        var box = session.Page.GetByLabel("Program definition (JSON)");
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveAttributeAsync("aria-describedby", "definition-error definition-hint");
        await Expect(session.Page.Locator("#definition-error")).ToHaveTextAsync("Paste, upload or load a program definition first.");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task StartForm_DoubleClickOnStart_StartsOneProgram()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var before = await ProgramCountAsync(session);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First.ClickAsync();
        await session.Page.GetByLabel("Program definition (JSON)").FillAsync(Definitions.CompletesByItself().ToJsonString());
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).DblClickAsync();
        await session.ProgramIdFromUrlAsync();
        // Give a second request, had one been sent, the time to land.
        await Task.Delay(1000);

        Assert.Equal(before + 1, await ProgramCountAsync(session));
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task StartForm_LoadSample_PutsTheSampleInTheBox()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First.ClickAsync();
        await session.Page.GetByLabel("Start from a sample").SelectOptionAsync("quick-demo.json");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Load the sample" }).ClickAsync();

        var box = session.Page.GetByLabel("Program definition (JSON)");
        await Expect(box).ToBeFocusedAsync();
        var text = await box.InputValueAsync();
        Assert.Equal(Definitions.Sample("quick-demo.json")["name"]!.GetValue<string>(), JsonNode.Parse(text)!["name"]!.GetValue<string>());
        session.AssertNoBrowserErrors();
    }

    private static async Task<int> ProgramCountAsync(DashboardSession session) =>
        JsonNode.Parse(await session.Api.GetStringAsync("api/programs"))!.AsArray().Count;
}
