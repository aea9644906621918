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
}
