using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MentorFlow.Testing;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Definitions;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Api;

/// <summary>
/// Every definition the API accepts can be stored and run: the largest one (every list and text at its limit, in
/// the characters that grow most when stored) is accepted and runs through Define and Roles on Azurite; one item
/// or character past a limit is a 400 naming the path.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class LargestDefinitionTests(LocalHostFixture fixture)
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task LargestDefinition_Accepted_RunsThroughDefineAndRolesWithoutStorageError()
    {
        var definition = LargestDefinition.From(SampleDefinition("sales-leadership-2027.json"));
        var body = LargestDefinition.Body(definition);
        Assert.True(body.Length <= ProgramApi.MaxBodyBytes, $"The largest definition is {body.Length} bytes, over the body limit.");

        using var response = await Client.PostAsync("api/programs", JsonBody(body));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {answer[..Math.Min(answer.Length, 2000)]}");
        var id = JsonNode.Parse(answer)!["id"]!.GetValue<string>();

        try
        {
            // Define stored the charter and its confirmation (the whole charter) before the email went out.
            var email = await CharterEmailAsync(Client, id);
            using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
            using (var page = await browser.GetAsync(ApproveLink(email)))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("benefit 20 ", System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            using (var approved = await PostDecisionAsync(browser, ApproveLink(email), "approve", null))
            {
                Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            }

            var program = await WaitForRolesDoneAsync(id);
            Assert.Equal("Done", program["stages"]![0]!["state"]!.GetValue<string>());
            Assert.StartsWith(
                $"5 roles with {5 * DefinitionLimits.Responsibilities} responsibilities",
                program["stages"]![1]!["summary"]!.GetValue<string>(),
                StringComparison.Ordinal);
            Assert.Equal(definition["name"]!.GetValue<string>(), program["name"]!.GetValue<string>());
        }
        finally
        {
            using var cancel = await Client.PostAsync($"api/programs/{id}/cancel", Json("""{"by":"largest-definition test"}"""));
        }
    }

    [Theory]
    [InlineData("benefits")]
    [InlineData("scope")]
    [InlineData("roles[2].responsibilities[19]")]
    public async Task LargestDefinition_OnePastALimit_400NamingThePath(string path)
    {
        var definition = LargestDefinition.From(SampleDefinition("sales-leadership-2027.json"));
        switch (path)
        {
            case "benefits":
                definition["benefits"]!.AsArray().Add("One benefit too many.");
                break;
            case "scope":
                definition["scope"] = LargestDefinition.Text("scope", DefinitionLimits.LongTextLength + 1);
                break;
            default:
                definition["roles"]![2]!["responsibilities"]![19] = LargestDefinition.Text("responsibility", DefinitionLimits.ItemTextLength + 1);
                break;
        }

        using var response = await Client.PostAsync("api/programs", JsonBody(LargestDefinition.Body(definition)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(path, error!["path"]!.GetValue<string>());
        Assert.Contains("at most", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<JsonObject> WaitForRolesDoneAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        JsonObject program;
        do
        {
            program = await GetAsync(Client, id);
            var status = program["status"]!.GetValue<string>();
            Assert.False(status is "Failed" or "Cancelled", $"Program {id} is {status}: {program["reason"]}");
            if (program["stages"]![1]!["state"]!.GetValue<string>() == "Done")
            {
                return program;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The Roles stage of {id} did not finish; last seen: {program.ToJsonString()}");
        return program;
    }
}
