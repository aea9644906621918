using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace MentorFlow.Benchmarks.History;

/// <summary>
/// Runs a program on the local host as people would: HR submits it through the API; the program manager and the sales
/// leaders press Approve behind the links in their emails (read from the local outbox) — the charter first, then every
/// nomination — until the program has ended.
/// </summary>
internal sealed class ProgramDriver(HttpClient api, HttpClient browser)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly HashSet<string> pressed = new(StringComparer.Ordinal);

    /// <summary>When the Criteria stage had evaluated everyone and was waiting for the leaders, since submission.</summary>
    public TimeSpan? CriteriaWaiting { get; private set; }

    /// <summary>When the charter was approved, since submission.</summary>
    public TimeSpan? CharterApproved { get; private set; }

    /// <summary>Approve links pressed.</summary>
    public int Approvals => pressed.Count;

    public async Task<string> SubmitAsync(string definitionJson)
    {
        using var response = await api.PostAsync("api/programs", new StringContent(definitionJson, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submitting the program: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>Approves everything the program asks for until it ends; returns the program as the API last showed it.</summary>
    public async Task<JsonObject> ApproveUntilCriteriaDoneAsync(string programId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var program = JsonNode.Parse(await api.GetStringAsync($"api/programs/{programId}"))!.AsObject();
            var status = program["status"]!.GetValue<string>();
            // Measured to the end of Criteria: the program then asks its sponsor, which is not pressed here.
            if (status is "Completed" or "Cancelled" or "Declined" or "Failed" || program["stages"]![2]!["state"]!.GetValue<string>() == "Done")
            {
                return program;
            }

            if (CriteriaWaiting is null && status == "WaitingForApproval" && program["stage"]?.GetValue<string>() == "Criteria")
            {
                CriteriaWaiting = clock.Elapsed;
            }

            foreach (var link in await ApproveLinksAsync(programId))
            {
                if (pressed.Add(new Uri(link).AbsolutePath))
                {
                    await PressAsync(link);
                    CharterApproved ??= clock.Elapsed;
                }
            }

            await Task.Delay(Poll);
        }

        throw new TimeoutException($"Program {programId} did not finish its Criteria stage within {timeout.TotalMinutes:0} minutes.");
    }

    private async Task<List<string>> ApproveLinksAsync(string programId)
    {
        var outbox = JsonNode.Parse(await api.GetStringAsync("api/dev/outbox"))!.AsArray();
        return [.. outbox.Select(m => m!.AsObject())
            .Where(m => m["programId"]?.GetValue<string>() == programId)
            .SelectMany(m => m["links"]!.AsArray().Select(l => l!.GetValue<string>()))
            .Where(l => l.Contains("decision=approve", StringComparison.Ordinal))];
    }

    /// <summary>The approval page's Approve button: a form post to the link's path.</summary>
    private async Task PressAsync(string link)
    {
        var uri = new Uri(link);
        using var form = new FormUrlEncodedContent([new("decision", "approve")]);
        using var response = await browser.PostAsync(uri.GetLeftPart(UriPartial.Path), form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Approving {uri.AbsolutePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
