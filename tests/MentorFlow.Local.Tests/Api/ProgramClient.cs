using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorFlow.Local.Tests.Api;

/// <summary>What an HR client does with the API, for tests: submit, read, wait.</summary>
internal static class ProgramClient
{
    public static JsonObject SampleDefinition(string file = "quick-demo.json") =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)))!.AsObject();

    /// <summary>
    /// The quick demo run by nobody: every approval approves itself after a second (the charter, the nominations, the
    /// endorsement), two nominees (so two leaders are asked to pledge, silence being no pledge), nobody eligible to
    /// mentor (so the pilot finds no mentor, ends without a go, and the rollout is skipped), stories asked after a
    /// second. It completes on its own in seconds: for tests about hosting and durability, not about the stages.
    /// </summary>
    public static JsonObject SelfApprovingDefinition()
    {
        var definition = SampleDefinition();
        definition["approvals"] = new JsonObject { ["timeout"] = "PT1S", ["reminders"] = new JsonArray(), ["onTimeout"] = "approve" };
        definition["criteria"]!["mentee"]!["maxNominees"] = 2;
        definition["criteria"]!["mentor"]!["eligibility"] = new JsonArray("tenureMonths >= 1200");
        definition["sponsorship"] = new JsonObject { ["leaders"] = new JsonArray() };
        definition["stories"] = new JsonObject { ["requestAfter"] = "PT1S" };
        return definition;
    }

    public static HttpContent Json(JsonNode body) => Json(body.ToJsonString());

    public static HttpContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");

    public static async Task<string> SubmitAsync(HttpClient client, JsonNode definition)
    {
        using var response = await client.PostAsync("api/programs", Json(definition));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"api/programs/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET program {id}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Polls the program until its status is one of <paramref name="statuses"/>, or fails with what it last saw.</summary>
    public static async Task<JsonObject> WaitForStatusAsync(HttpClient client, string id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject program;
        do
        {
            program = await GetAsync(client, id);
            if (statuses.Contains(program["status"]!.GetValue<string>()))
            {
                return program;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Program {id} did not reach {string.Join("/", statuses)} within {timeout.TotalSeconds} s; last seen: {program.ToJsonString()}");
        return program;
    }

    /// <summary>Polls until the program is in <paramref name="stage"/> with <paramref name="status"/>.</summary>
    public static async Task<JsonObject> WaitForStageAsync(HttpClient client, string id, string stage, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonObject program;
        do
        {
            program = await GetAsync(client, id);
            if (program["stage"]?.GetValue<string>() == stage && program["status"]!.GetValue<string>() == status)
            {
                return program;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Program {id} did not reach {stage}/{status}; last seen: {program.ToJsonString()}");
        return program;
    }

    public static async Task<JsonArray> AuditAsync(HttpClient client, string id)
    {
        var body = await client.GetStringAsync($"api/programs/{id}/audit");
        return JsonNode.Parse(body)!.AsArray();
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
    /// <summary>The charter confirmation email of a program, read from the outbox as a person would.</summary>
    public static async Task<JsonObject> CharterEmailAsync(HttpClient client, string programId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var outbox = JsonNode.Parse(await client.GetStringAsync("api/dev/outbox"))!.AsArray();
            var email = outbox.Select(m => m!.AsObject()).FirstOrDefault(m =>
                m["programId"]?.GetValue<string>() == programId
                && m["subject"]!.GetValue<string>().StartsWith("Confirm the program charter", StringComparison.Ordinal));
            if (email is not null)
            {
                Assert.Equal(["priya.patel@example.com"], email["to"]!.AsArray().Select(t => t!.GetValue<string>()));
                return email;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No charter confirmation email for {programId} reached the outbox.");
        return null!;
    }

    public static string ApproveLink(JsonObject email) =>
        email["links"]!.AsArray().Select(l => l!.GetValue<string>()).Single(l => l.Contains("decision=approve", StringComparison.Ordinal));

    /// <summary>The form the confirmation page posts: to the link's path, decision and comment as form fields.</summary>
    public static Task<HttpResponseMessage> PostDecisionAsync(HttpClient browser, string link, string decision, string? comment)
    {
        var fields = new Dictionary<string, string> { ["decision"] = decision };
        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        var uri = new Uri(link);
        return browser.PostAsync(uri.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields));
    }

}
