using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MentorFlow.Workflows.Approvals.Tokens;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Api;

/// <summary>
/// The inputs that answered 500 (issue 11, item 5), replayed against the running host: half a surrogate pair in a
/// definition is a 400 naming its path; a link signed with the host's own key whose ids we never issue is refused
/// with 400 on every token route, GET and POST, and reaches no storage; a form that cannot be read is a 400.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class HostileInputTests(LocalHostFixture fixture)
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task PostPrograms_LoneSurrogateInName_400NamingThePath()
    {
        var json = SampleDefinition().ToJsonString();
        var name = SampleDefinition()["name"]!.GetValue<string>();
        json = json.Replace($"\"{name}\"", "\"\\ud800\"", StringComparison.Ordinal);

        using var response = await Client.PostAsync("api/programs", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await ProblemAsync(response))["errors"]!.AsArray());
        Assert.Equal("name", error!["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("approvals", "prg-../../x", "charter")]
    [InlineData("approvals", "prg-x", "../../charter")]
    [InlineData("checkins", "prg-../../x", "checkin:pilot-1-00001-mentee")]
    [InlineData("checkins", "prg-x", "checkin:../pilot")]
    [InlineData("stories", "prg-../../x", "story:0001-mentee")]
    [InlineData("stories", "prg-x#y", "story:0001-mentee")]
    public async Task SignedLinkWithHostileIds_GetAndPost_400(string route, string programId, string recordId)
    {
        var tokens = await HostTokensAsync();
        var token = tokens.Create(new ApprovalTokenClaims(programId, recordId, "priya.patel@example.com", DateTimeOffset.UtcNow.AddDays(1)));
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var page = await browser.GetAsync($"api/{route}/{token}");
        using var post = await browser.PostAsync($"api/{route}/{token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["rating"] = "5", ["story"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("not valid", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DecisionForm_WithNulCharacter_400AndNothingDecided()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var approve = ApproveLink(await CharterEmailAsync(Client, id));
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        var uri = new Uri(approve);

        using var post = await browser.PostAsync(
            uri.GetLeftPart(UriPartial.Path), new StringContent("decision=approve&comment=a%00b", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("could not be read", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("WaitingForApproval", (await GetAsync(Client, id))["status"]!.GetValue<string>());
        using var cancel = await Client.PostAsync($"api/programs/{id}/cancel", Json("""{"by":"hostile input test"}"""));
    }

    [Fact]
    public async Task SignedLinkWithLoneSurrogate_Get_400()
    {
        var key = await HostKeyAsync();
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"p":"prg-0001","a":"charter","e":"\ud800","x":4102444800,"v":1}"""));
        var token = payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(payload)));
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var page = await browser.GetAsync($"api/approvals/{token}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
    }

    private async Task<string> HostKeyAsync() =>
        (await File.ReadAllTextAsync(Path.Combine(fixture.Host.Settings.DataDirectory, LocalSigningKey.FileName))).Trim();

    private async Task<ApprovalTokenService> HostTokensAsync() =>
        new(Microsoft.Extensions.Options.Options.Create(new ApprovalTokenOptions { SigningKey = await HostKeyAsync() }), TimeProvider.System);
}
