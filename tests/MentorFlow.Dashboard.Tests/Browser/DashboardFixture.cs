using MentorFlow.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>
/// One Azurite, one real local host (as a process) and one headless Debian Chromium driven by Playwright, shared by
/// the browser tests. No browser is downloaded: Playwright drives <c>/usr/bin/chromium</c>, which <c>.ci/run</c>
/// installs when it is missing.
/// </summary>
public sealed class DashboardFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public AzuriteFixture Azurite { get; } = new(diagnostics);

    public LocalHostProcess Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the repository's git-ignored TestResults folder, kept after the run.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(TestPaths.RepositoryRoot, "TestResults", "screenshots", "dashboard");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The dashboard's browser tests drive Debian's Chromium at {ChromiumPath}: install it with "
                + "`apt-get update && apt-get install -y chromium` (.ci/run does this when it is missing).");
        }

        // Not emptied first: each test writes fixed names, and another run may be writing here at the same time.
        Directory.CreateDirectory(ScreenshotFolder);

        // The host and the browser start side by side; each takes a few seconds.
        var host = StartHostAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            Timeout = 60_000,
        });
        Host = await host;
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    private async Task<LocalHostProcess> StartHostAsync()
    {
        await Azurite.InitializeAsync();
        return await LocalHostProcess.StartAsync(new LocalHostSettings { ConnectionString = Azurite.ConnectionString });
    }

    /// <summary>A fresh browser context (its own sessionStorage, so its own sign-in) with one page, at the given size.</summary>
    public async Task<DashboardSession> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new DashboardSession(context, page, Host);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }
}
