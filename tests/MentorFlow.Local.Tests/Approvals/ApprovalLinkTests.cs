using System.Net;
using System.Text.Json.Nodes;
using MentorFlow.Local.Tests.Api;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Approvals;

/// <summary>
/// The charter confirmation as a person does it: read the email in the outbox, open its link (nothing is decided),
/// press Approve, see the program move on; click again, follow a tampered link — nothing changes.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ApprovalLinkTests(LocalHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task CharterEmail_ApproveThroughLink_ProgramContinuesToCompletion()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var email = await CharterEmailAsync(Client, id);
        var approve = ApproveLink(email);
        using var browser = Browser();

        using var page = await browser.GetAsync(approve);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("value=\"approve\"", html, StringComparison.Ordinal);
        Assert.Contains("Sales Leadership Mentoring 2027", html, StringComparison.Ordinal);
        Assert.Equal("WaitingForApproval", (await GetAsync(Client, id))["status"]!.GetValue<string>());

        using var result = await PostDecisionAsync(browser, approve, "approve", "Clear and measurable.");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var program = await WaitForStatusAsync(Client, id, Timeout, "Completed", "Declined", "Failed");
        Assert.Equal("Completed", program["status"]!.GetValue<string>());
        Assert.EndsWith("confirmed by priya.patel@example.com", program["stages"]![0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var audit = await AuditAsync(Client, id);
        var decided = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "ApprovalApproved")!;
        Assert.Equal("priya.patel@example.com", decided["actor"]!.GetValue<string>());
        Assert.Contains("Clear and measurable.", decided["details"]!.GetValue<string>(), StringComparison.Ordinal);

        using var again = await PostDecisionAsync(browser, approve, "decline", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already decided", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Completed", (await GetAsync(Client, id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CharterEmail_DeclineThroughLink_ProgramDeclinedWithReason()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var email = await CharterEmailAsync(Client, id);
        var decline = email["links"]!.AsArray().Select(l => l!.GetValue<string>()).Single(l => l.Contains("decision=decline", StringComparison.Ordinal));
        using var browser = Browser();

        using var result = await PostDecisionAsync(browser, decline, "decline", "Outcomes need owners.");

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var program = await WaitForStatusAsync(Client, id, Timeout, "Declined", "Completed", "Failed");
        Assert.Equal("Declined", program["status"]!.GetValue<string>());
        Assert.Contains("Outcomes need owners.", program["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedLink_AnyCharacterChanged_Answers4xxAndChangesNothing()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var approve = ApproveLink(await CharterEmailAsync(Client, id));
        var tampered = Tamper(approve);
        using var browser = Browser();

        using var page = await browser.GetAsync(tampered);
        using var post = await PostDecisionAsync(browser, tampered, "approve", null);
        using var unknown = await browser.GetAsync(new Uri(fixture.Host.BaseAddress, "api/approvals/not-a-token"));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("not valid", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var program = await GetAsync(Client, id);
        Assert.Equal("WaitingForApproval", program["status"]!.GetValue<string>());
        Assert.DoesNotContain(await AuditAsync(Client, id), e => e!["action"]!.GetValue<string>().StartsWith("ApprovalApproved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_WithoutApiKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var response = await anonymous.GetAsync("api/dev/outbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Browser() => new() { BaseAddress = fixture.Host.BaseAddress };

    /// <summary>The link with one character of its token changed.</summary>
    private static string Tamper(string link)
    {
        var uri = new Uri(link);
        var path = uri.AbsolutePath;
        var token = path[(path.LastIndexOf('/') + 1)..];
        var i = token.Length / 3;
        var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
        return uri.GetLeftPart(UriPartial.Authority) + path[..(path.LastIndexOf('/') + 1)] + changed + uri.Query;
    }
}
