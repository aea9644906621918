using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorFlow.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>
/// One person at the dashboard: a browser context and its page, with the steps tests repeat (sign in, start a
/// program, take a screenshot). Script errors and CSP violations the page logs are collected so tests can demand none.
/// </summary>
public sealed partial class DashboardSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly LocalHostProcess host;
    private readonly List<string> errors = [];

    public DashboardSession(IBrowserContext context, IPage page, LocalHostProcess host)
    {
        this.context = context;
        this.host = host;
        Page = page;
        page.Console += (_, message) =>
        {
            // "Failed to load resource" is the browser noting a 4xx the page asked for on purpose (a refused key, a
            // missing outbox); script errors and Content-Security-Policy violations are what matter.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context => context;

    /// <summary>The API, with the key, for arranging and checking what the page shows.</summary>
    public HttpClient Api => host.Client;

    public string ApiKey => host.Settings.ApiKey;

    /// <summary>Opens the host's root (which leads to the dashboard) and enters the key.</summary>
    public async Task SignInAsync()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("API key").FillAsync(ApiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Programs", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Starts a program from the page as a person would: the Start form, the definition pasted, the button.</summary>
    public async Task<string> StartProgramAsync(JsonNode definition)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start a program" }).First.ClickAsync();
        await Page.GetByLabel("Program definition (JSON)").FillAsync(definition.ToJsonString(Definitions.Indented));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();
        return await ProgramIdFromUrlAsync();
    }

    /// <summary>Waits until the page shows a program and returns its id (from the address).</summary>
    public async Task<string> ProgramIdFromUrlAsync()
    {
        await Page.WaitForURLAsync(ProgramUrl());
        return ProgramUrl().Match(Page.Url).Groups["id"].Value;
    }

    /// <summary>Submits a definition through the API (to arrange a test) and returns the program's id.</summary>
    public async Task<string> SubmitAsync(JsonNode definition)
    {
        using var response = await Api.PostAsync("api/programs", JsonContent.Create(definition));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Polls the API until the program has this status (to arrange a test, not to check the page).</summary>
    public async Task WaitForStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            seen = JsonNode.Parse(await Api.GetStringAsync($"api/programs/{id}"))!["status"]!.GetValue<string>();
            if (seen == status)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Program {id} did not reach {status}; last seen {seen}.");
    }

    /// <summary>A stage of the pipeline on the program page.</summary>
    public ILocator Stage(string name) => Page.Locator($"li.stage[data-stage='{name}']");

    /// <summary>A full-page PNG in the screenshot folder.</summary>
    public Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(DashboardFixture.ScreenshotFolder, name + ".png"),
            FullPage = true,
        });

    /// <summary>Fails with what the page logged if any script error or CSP violation happened.</summary>
    public void AssertNoBrowserErrors()
    {
        lock (errors)
        {
            Assert.True(errors.Count == 0, "The page logged errors:\n" + string.Join("\n", errors));
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    [GeneratedRegex(@"#/programs/(?<id>prg-[^/?#]+)$")]
    private static partial Regex ProgramUrl();
}
