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
    public async Task CharterEmail_ApproveThroughLink_ProgramMovesOnToNominations()
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
        TokenPageHeaders.AssertPresent(page);

        using var result = await PostDecisionAsync(browser, approve, "approve", "Clear and measurable.");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        TokenPageHeaders.AssertPresent(result);
        var audit = await AuditAsync(Client, id);
        var decided = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "ApprovalApproved")!;
        Assert.Equal("priya.patel@example.com", decided["actor"]!.GetValue<string>());
        Assert.Contains("Clear and measurable.", decided["details"]!.GetValue<string>(), StringComparison.Ordinal);

        using var again = await PostDecisionAsync(browser, approve, "decline", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already decided", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        TokenPageHeaders.AssertPresent(again);

        // The charter confirmed, the Criteria stage evaluates the sample company and waits for the sales leaders.
        var program = await WaitForStageAsync(Client, id, "Criteria", "WaitingForApproval");
        Assert.EndsWith("confirmed by priya.patel@example.com", program["stages"]![0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Done", program["stages"]![1]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nominations_LeadersApproveAndDeclineByLink_CriteriaStageCompletes()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        using var browser = Browser();
        using (var charter = await PostDecisionAsync(browser, ApproveLink(await CharterEmailAsync(Client, id)), "approve", null))
        {
            Assert.Equal(HttpStatusCode.OK, charter.StatusCode);
        }

        var waiting = await WaitForStageAsync(Client, id, "Criteria", "WaitingForApproval");
        var nominees = waiting["counts"]!["nominees"]!.GetValue<int>();
        Assert.True(nominees > 0, "The sample company must give the sample program nominees.");
        // The leaders' emails go out in parallel, one approval orchestration per leader: wait for all of them.
        List<JsonObject> emails;
        List<string> approveLinks;
        var deadline = DateTime.UtcNow + Timeout;
        do
        {
            emails = await NominationEmailsAsync(id);
            approveLinks = [.. emails.SelectMany(e => e["links"]!.AsArray().Select(l => l!.GetValue<string>()))
                .Where(l => l.Contains("decision=approve", StringComparison.Ordinal))];
        }
        while (approveLinks.Count < nominees && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(nominees, approveLinks.Count);                                                          // a link per nominee
        Assert.Equal(emails.Count, emails.Select(e => e["to"]![0]!.GetValue<string>()).Distinct().Count());  // one email per leader
        Assert.True(emails.Count < nominees, "Leaders with several nominees get them in one email.");

        for (var i = 0; i < approveLinks.Count; i++)
        {
            using var response = await PostDecisionAsync(browser, approveLinks[i], i == 0 ? "decline" : "approve", i == 0 ? "Not this quarter." : null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The Criteria stage done, the program asks the sponsor to endorse it (days, in this sample).
        var program = await WaitForStageAsync(Client, id, "Sponsorship", "WaitingForApproval");
        var criteria = program["stages"]![2]!;
        Assert.Equal("Done", criteria["state"]!.GetValue<string>());
        Assert.EndsWith($"{nominees - 1} approved, 1 declined", criteria["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        var nominations = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/nominations?top=1000"))!;
        Assert.Equal(nominees, nominations["total"]!.GetValue<int>());
        Assert.Equal(1, nominations["items"]!.AsArray().Count(n => n!["status"]!.GetValue<string>() == "Declined"));
        Assert.Contains(nominations["items"]!.AsArray(), n => n!["comment"]?.GetValue<string>() == "Not this quarter.");

        var candidates = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/candidates?top=5"))!;
        Assert.True(candidates["total"]!.GetValue<int>() > nominees);
        var first = candidates["items"]![0]!;
        Assert.Equal("mentee", first["pool"]!.GetValue<string>());
        Assert.Equal(1, first["rank"]!.GetValue<int>());
        Assert.True(first["nominated"]!.GetValue<bool>());
        Assert.NotNull(first["decision"]);
        Assert.All(first["rules"]!.AsArray(), r => Assert.True(r!["passed"]!.GetValue<bool>()));
        Assert.NotNull(first["metrics"]!["quotaAttainment"]);
        Assert.Equal(5, candidates["items"]!.AsArray().Count);
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

    private async Task<List<JsonObject>> NominationEmailsAsync(string programId)
    {
        var outbox = JsonNode.Parse(await Client.GetStringAsync("api/dev/outbox"))!.AsArray();
        return [.. outbox.Select(m => m!.AsObject()).Where(m =>
            m["programId"]?.GetValue<string>() == programId
            && m["subject"]!.GetValue<string>().Contains("nomination", StringComparison.OrdinalIgnoreCase)
            && !m["subject"]!.GetValue<string>().StartsWith("Reminder:", StringComparison.Ordinal))];
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
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
