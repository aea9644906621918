using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>A whole program run from the page: start it, open its charter email in the outbox, approve as the program manager.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OutboxApprovalTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Outbox_ApproveLinkOfTheCharterEmail_DecisionAppearsOnTheProgramPage()
    {
        await using var session = await fixture.OpenAsync();
        await session.SignInAsync();
        var id = await session.StartProgramAsync(Definitions.WaitsForCharter());
        var page = session.Page;
        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Waiting for approval", new() { Timeout = 30_000 });

        // The program's emails, from its page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Emails of this program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outbox", Level = 1 })).ToBeFocusedAsync();
        var email = page.Locator($"article.mail[data-program-id='{id}']", new() { HasText = "Confirm the program charter" });
        await Expect(email).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await email.Locator("summary").First.ClickAsync();
        var rendered = email.FrameLocator("iframe");
        await Expect(rendered.GetByRole(AriaRole.Heading, new() { Name = "Confirm the program charter", Level = 2 })).ToBeVisibleAsync();
        await session.ScreenshotAsync("06-outbox-charter-email");

        // The email's own Approve button opens the approval page in a new tab; opening it decides nothing.
        var approval = await page.RunAndWaitForPopupAsync(() =>
            rendered.GetByRole(AriaRole.Link, new() { Name = "Approve", Exact = true }).ClickAsync());
        await approval.WaitForLoadStateAsync();
        Assert.Contains("/api/approvals/", approval.Url, StringComparison.Ordinal);
        await Expect(approval.GetByRole(AriaRole.Heading, new() { Name = "Confirm the program charter" }).First).ToBeVisibleAsync();
        await approval.GetByLabel("Comment (optional)").FillAsync("Clear and measurable.");
        await DashboardSession.ScreenshotAsync(approval, "07-approval-page");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(approval.GetByRole(AriaRole.Heading, new() { Name = "Thank you — you approved", Exact = false })).ToBeVisibleAsync();
        await DashboardSession.ScreenshotAsync(approval, "08-approval-recorded");
        await approval.CloseAsync();

        // Back on the dashboard: the program page shows the decision and the program moving on through Roles to
        // Criteria, which nominates to the sales leaders and waits for them (days, in this sample).
        await email.GetByRole(AriaRole.Link, new() { Name = "Sales Leadership Mentoring 2027" }).ClickAsync();
        await Expect(session.Stage("Criteria")).ToHaveAttributeAsync("data-state", "Active", new() { Timeout = 45_000 });
        await Expect(page.Locator("#program-status")).ToHaveTextAsync("Waiting for approval");
        await Expect(session.Stage("Define")).ToContainTextAsync("confirmed by priya.patel@example.com");
        await Expect(session.Stage("Roles")).ToHaveAttributeAsync("data-state", "Done");
        var decision = page.Locator("#audit-table tr[data-action='ApprovalApproved']");
        await Expect(decision).ToContainTextAsync("priya.patel@example.com");
        await Expect(decision).ToContainTextAsync("Clear and measurable.");

        // Each nomination, pending with the sales leader the API names as its approver.
        var nominations = page.Locator("#nominations-table tbody tr");
        await Expect(nominations.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var stored = JsonNode.Parse(await session.Api.GetStringAsync($"api/programs/{id}/nominations?top=1000"))!["items"]!.AsArray();
        Assert.NotEmpty(stored);
        Assert.All(stored, n => Assert.Equal("Pending", n!["status"]!.GetValue<string>()));
        await Expect(nominations).ToHaveCountAsync(Math.Min(25, stored.Count));
        await Expect(page.Locator("#nominations-table tbody tr[data-status='Pending']")).ToHaveCountAsync(Math.Min(25, stored.Count));
        foreach (var nomination in stored.Take(25))
        {
            var row = page.Locator($"#nominations-table tbody tr[data-nominee='{nomination!["nominee"]!.GetValue<string>()}']");
            await Expect(row.Locator("td[data-label='Approver']")).ToHaveTextAsync(nomination["approver"]!.GetValue<string>());
            await Expect(row.Locator("td[data-label='Status']")).ToContainTextAsync("Pending");
        }

        await Expect(page.Locator("#waiting-table")).ToContainTextAsync("Nomination");
        await Expect(page.Locator("#candidates-table tbody tr").First).ToContainTextAsync("Nominated · Pending");
        await session.ScreenshotAsync("10-program-approved-nominations-pending");
        session.AssertNoBrowserErrors();
    }
}
