using System.Net;
using System.Text.Json.Nodes;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Api;

/// <summary>The HR API over HTTP against the running local host, its durable engine and Azurite.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ProgramApiTests(LocalHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task Post_SampleProgram_Returns202WithLocationAndStatusUrl()
    {
        using var response = await Client.PostAsync("api/programs", Json(SampleDefinition("sales-leadership-2027.json")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();
        Assert.StartsWith("prg-", id, StringComparison.Ordinal);
        Assert.Equal(new Uri(fixture.Host.BaseAddress, $"api/programs/{id}"), response.Headers.Location);
        Assert.Equal(response.Headers.Location!.ToString(), body["statusUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_SampleProgram_DefinesCharterThenWaitsForTheProgramManager()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));

        var program = await WaitForStatusAsync(Client, id, Timeout, "WaitingForApproval", "Failed");

        Assert.Equal("Sales Leadership Mentoring 2027", program["name"]!.GetValue<string>());
        Assert.Equal("Define", program["stage"]!.GetValue<string>());
        var stages = program["stages"]!.AsArray();
        Assert.Equal(
            ["Define", "Roles", "Criteria", "Sponsorship", "Pilot", "Rollout", "Stories"],
            stages.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(["Active", "Pending", "Pending", "Pending", "Pending", "Pending", "Pending"], stages.Select(s => s!["state"]!.GetValue<string>()));
        var waiting = Assert.Single(program["waitingFor"]!.AsArray())!;
        Assert.Equal("charter", waiting["approvalId"]!.GetValue<string>());
        Assert.Equal("Charter confirmation", waiting["kind"]!.GetValue<string>());
        Assert.Equal("priya.patel@example.com", waiting["approver"]!.GetValue<string>());
        Assert.NotNull(waiting["since"]);
        Assert.NotNull(waiting["dueAt"]);
        Assert.NotNull(program["createdAt"]);
    }

    [Fact]
    public async Task Get_SelfApprovingProgram_RunsEveryStageThenCompletes()
    {
        var id = await SubmitAsync(Client, SelfApprovingDefinition());

        var program = await WaitForStatusAsync(Client, id, Timeout, "Completed", "Failed", "Declined");

        Assert.Equal("Completed", program["status"]!.GetValue<string>());
        var stages = program["stages"]!.AsArray();
        // Nobody answers: the endorsement approves itself; nobody may mentor, so the pilot finds no mentor, ends without
        // a go, and the rollout is skipped.
        Assert.Equal(["Done", "Done", "Done", "Done", "Done", "Skipped", "Done"], stages.Select(s => s!["state"]!.GetValue<string>()));
        Assert.StartsWith("Charter defined:", stages[0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("confirmed by the timeout policy", stages[0]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("role charter rendered", stages[1]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("eligible mentee", stages[2]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Endorsed by Sam Rivera", stages[3]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("No mentor could be matched", stages[4]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("skipped: the pilot ended without a go", stages[5]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(stages[0]!["startedAt"]);
        Assert.NotNull(stages[0]!["completedAt"]);
        Assert.Empty(program["waitingFor"]!.AsArray());
        Assert.Equal(5, program["counts"]!["roles"]!.GetValue<int>());
        Assert.Equal(3, program["counts"]!["learningOutcomes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_FiveMistakes_OneBadRequestListingAllFive()
    {
        var definition = SampleDefinition();
        definition["purpose"] = "";                                                     // 1 empty text
        definition["learningOutcomes"]![0]!.AsObject().Remove("measure");               // 2 outcome without measure
        definition["sponsor"]!["email"] = "not-an-email";                               // 3 bad email
        definition["criteria"]!["nominationApprover"] = "ceo";                          // 4 bad enum
        definition["approvals"]!["timeut"] = "P5D";                                     // 5 unknown field (typo)

        using var response = await Client.PostAsync("api/programs", Json(definition));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var paths = problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(
            new[] { "approvals.timeut", "criteria.nominationApprover", "learningOutcomes[0].measure", "purpose", "sponsor.email" },
            paths);
        Assert.All(problem["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>())));
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_InvalidDefinition_StoresNothing()
    {
        var before = (await ListAsync()).Count;
        var definition = SampleDefinition();
        definition["name"] = " ";

        using var response = await Client.PostAsync("api/programs", Json(definition));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task Post_MalformedJson_BadRequestAtRoot()
    {
        using var response = await Client.PostAsync("api/programs", Json("{ \"name\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("$", problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_NotJson_Returns415()
    {
        using var content = new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await Client.PostAsync("api/programs", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Post_BodyOver256KB_Returns413()
    {
        var definition = SampleDefinition();
        definition["purpose"] = new string('x', 300 * 1024);

        using var response = await Client.PostAsync("api/programs", Json(definition));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Post_WithoutApiKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var response = await anonymous.PostAsync("api/programs", Json(SampleDefinition()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task Get_KeyInCodeQueryParameter_IsAccepted()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var response = await anonymous.GetAsync($"api/programs?code={Uri.EscapeDataString(fixture.Host.Settings.ApiKey)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutKey_Returns200()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        using var response = await anonymous.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownProgram_Returns404Problem()
    {
        using var response = await Client.GetAsync("api/programs/prg-doesnotexist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_ReturnsSameProgram()
    {
        var key = Guid.NewGuid().ToString();
        var definition = SampleDefinition();

        var first = await PostWithKeyAsync(definition, key);
        var second = await PostWithKeyAsync(definition, key);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(await ListAsync(), p => p!["id"]!.GetValue<string>() == first.Id);
    }

    [Fact]
    public async Task Post_IdempotencyKeyReusedForOtherDefinition_Returns422()
    {
        var key = Guid.NewGuid().ToString();
        var definition = SampleDefinition();
        await PostWithKeyAsync(definition, key);
        definition["name"] = "Another program";

        var second = await PostWithKeyAsync(definition, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
    }

    [Fact]
    public async Task List_AfterSubmission_ShowsProgramNewestFirst()
    {
        var older = await SubmitAsync(Client, SampleDefinition());
        var newer = await SubmitAsync(Client, SampleDefinition());

        var list = await ListAsync();

        var ids = list.Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), "Newest program first.");
        var row = list.Single(p => p!["id"]!.GetValue<string>() == newer)!;
        Assert.Equal(SampleDefinition()["name"]!.GetValue<string>(), row["name"]!.GetValue<string>());
        Assert.NotNull(row["status"]);
        Assert.NotNull(row["createdAt"]);
    }

    [Fact]
    public async Task Audit_CompletedProgram_RecordsSubmissionStagesAndCompletion()
    {
        var id = await SubmitAsync(Client, SelfApprovingDefinition());
        await WaitForStatusAsync(Client, id, Timeout, "Completed");

        var audit = await AuditAsync(Client, id);

        var actions = audit.Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal("ProgramSubmitted", actions[0]);
        Assert.Contains("CharterDefined", actions);
        Assert.Contains("RolesDefined", actions);
        Assert.Contains("ApprovalRequested", actions);
        Assert.Contains("ApprovalAutoApproved", actions);
        Assert.Equal("ProgramCompleted", actions[^1]);
        Assert.All(audit, e => Assert.NotNull(e!["at"]));
    }

    [Fact]
    public async Task Cancel_CompletedProgram_Returns409()
    {
        var id = await SubmitAsync(Client, SelfApprovingDefinition());
        await WaitForStatusAsync(Client, id, Timeout, "Completed");

        using var response = await Client.PostAsync($"api/programs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await ProblemAsync(response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("{ \"by\": \"   \", \"reason\": \"no name given\" }")]
    public async Task Cancel_WithoutWhoCancels_Returns400NamingByAndKeepsTheProgram(string? body)
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));

        using var response = await Client.PostAsync($"api/programs/{id}/cancel", body is null ? null : Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("by", problem["errors"]![0]!["path"]!.GetValue<string>());
        var program = await GetAsync(Client, id);
        Assert.NotEqual("Cancelled", program["status"]!.GetValue<string>());
        Assert.DoesNotContain(await AuditAsync(Client, id), e => e!["action"]!.GetValue<string>() == "ProgramCancelled");

        using var named = await Client.PostAsync($"api/programs/{id}/cancel", Json(new JsonObject { ["by"] = "Hana Okafor" }));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var cancelled = JsonNode.Parse(await named.Content.ReadAsStringAsync())!;
        Assert.Equal("Hana Okafor", cancelled["cancelledBy"]!.GetValue<string>());
    }

    private async Task<JsonArray> ListAsync() => JsonNode.Parse(await Client.GetStringAsync("api/programs"))!.AsArray();

    private async Task<(HttpStatusCode Status, string? Id)> PostWithKeyAsync(JsonObject definition, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/programs") { Content = Json(definition) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body?["id"]?.GetValue<string>());
    }
}
