using System.Net;
using System.Text.Json.Nodes;
using MentorFlow.Local.Tests.Api;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Forms;

/// <summary>
/// The check-in and story forms and the cohort read API on the real local host: keys, unknown programs, and links
/// that cannot open a form. (A check-in or story to answer needs the Pilot and Stories stages; the end-to-end
/// walkthrough covers the answered forms.)
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class FormRouteTests(LocalHostFixture fixture)
{
    public static TheoryData<string> Lists => ["pairs", "checkins", "stories", "pledges"];

    private HttpClient Client => fixture.Host.Client;

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ReadApi_WithoutKey_Returns401(string list)
    {
        using var anonymous = Browser();

        using var response = await anonymous.GetAsync($"api/programs/prg-0000/{list}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ReadApi_UnknownProgram_Returns404Problem(string list)
    {
        using var response = await Client.GetAsync($"api/programs/prg-does-not-exist/{list}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("prg-does-not-exist", (await ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadApi_ProgramBeforeItsCohorts_ListsNothingAndRefusesBadPaging()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));

        var pairs = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/pairs"))!;
        var checkIns = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/checkins?top=5&skip=0"))!;
        var stories = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/stories"))!;
        var pledges = JsonNode.Parse(await Client.GetStringAsync($"api/programs/{id}/pledges"))!;
        using var badPaging = await Client.GetAsync($"api/programs/{id}/pairs?top=0");

        Assert.Equal(0, pairs["total"]!.GetValue<int>());
        Assert.Empty(pairs["items"]!.AsArray());
        Assert.Equal(0, checkIns["answered"]!.GetValue<int>());
        Assert.Null(checkIns["averageRating"]);
        Assert.Empty(stories["nextCohort"]!.AsArray());
        Assert.Equal(0, pledges["pending"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, badPaging.StatusCode);
    }

    [Theory]
    [InlineData("checkins")]
    [InlineData("stories")]
    public async Task Form_MalformedToken_ShowsInvalidLinkPage400WithoutKey(string form)
    {
        using var browser = Browser();

        using var page = await browser.GetAsync($"api/{form}/not-a-token");
        using var post = await browser.PostAsync($"api/{form}/not-a-token", new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "5" }));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("text/html", ContentType(page)?.MediaType);
        Assert.Contains("This link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        TokenPageHeaders.AssertPresent(page);
        TokenPageHeaders.AssertPresent(post);
    }

    [Fact]
    public async Task Form_ApprovalLinkOnTheFormRoutes_Returns404AndDecidesNothing()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var approve = new Uri(ApproveLink(await CharterEmailAsync(Client, id)));
        var token = approve.AbsolutePath[(approve.AbsolutePath.LastIndexOf('/') + 1)..];
        using var browser = Browser();

        using var checkIn = await browser.GetAsync($"api/checkins/{token}");
        using var story = await browser.PostAsync($"api/stories/{token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["story"] = "Hi" }));

        Assert.Equal(HttpStatusCode.NotFound, checkIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, story.StatusCode);
        Assert.Contains("This link is not a check-in link", await checkIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        TokenPageHeaders.AssertPresent(checkIn);
        TokenPageHeaders.AssertPresent(story);
        Assert.Equal("WaitingForApproval", (await GetAsync(Client, id))["status"]!.GetValue<string>());
        Assert.DoesNotContain(await AuditAsync(Client, id), e => e!["action"]!.GetValue<string>() is "ApprovalApproved" or "StorySubmitted");
    }

    private HttpClient Browser() => new() { BaseAddress = fixture.Host.BaseAddress };
}
