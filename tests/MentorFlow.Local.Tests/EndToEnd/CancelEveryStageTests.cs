using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using MentorFlow.Local.Tests.Api;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.EndToEnd;

/// <summary>
/// Cancelling stops the whole program, wherever it waits: six programs on the shared local host are driven through
/// their outbox (links approved as people would) to a wait in each stage, cancelled there, and then watched for a quiet
/// window: no email and no audit line may appear, and every orchestration instance of the program (its own, its
/// stages', approvals' and pledges') must have ended.
/// </summary>
/// <remarks>
/// The six run at once and share one quiet window, so the suite pays for the window once. The definition shortens
/// every timer to seconds; <see cref="LongestTimer"/> is the longest one any instance can have pending when it is
/// cancelled (an approval's timeout), and <see cref="QuietWindow"/> is twice that, so anything left alive — a
/// reminder at 3 s, an approval timing out (escalating, auto-declining an invitation and inviting the next round) at
/// 8 s, a check-in at 2–4 s, the end of a cohort at 8 s, the story requests at 2 s — would have fired inside it.
/// </remarks>
[Collection(LocalHostCollection.Name)]
public sealed class CancelEveryStageTests(LocalHostFixture fixture)
{
    private static readonly TimeSpan LongestTimer = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan QuietWindow = 2 * LongestTimer;
    private static readonly TimeSpan ReachDeadline = TimeSpan.FromMinutes(4);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Task<IReadOnlyDictionary<string, Watched>>? run;

    private HttpClient Client => fixture.Host.Client;

    /// <summary>Where each program is cancelled: a stage and the wait in it.</summary>
    public static TheoryData<string> Waits => new(Targets.Keys);

    private static readonly Dictionary<string, Target> Targets = new(StringComparer.Ordinal)
    {
        ["Define: charter confirmation"] = new("Define", FollowInStage: false, (p, _) => WaitsFor(p, "Charter confirmation")),
        ["Criteria: nominations"] = new("Criteria", FollowInStage: false, (p, _) => WaitsFor(p, "Nomination")),
        ["Sponsorship: endorsement"] = new("Sponsorship", FollowInStage: false, (p, _) => WaitsFor(p, "Sponsor endorsement")),
        // Invitations accepted in the pilot; cancelled once the kickoff went out, while the check-ins are due.
        ["Pilot: check-ins"] = new("Pilot", FollowInStage: true, (_, outbox) => outbox.Any(m => Purpose(m) == "kickoff")),
        ["Rollout: mentor invitations"] = new("Rollout", FollowInStage: false, (p, _) => WaitsFor(p, "Mentor invitation")),
        ["Stories: story requests"] = new("Stories", FollowInStage: false, (_, outbox) => outbox.Any(m => Purpose(m) == "story-request")),
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public async Task Cancel_WhileTheStageWaits_SendsAndLogsNothingMoreAndEndsEveryInstance(string wait)
    {
        var watched = (await RunOnceAsync())[wait];

        Assert.True(watched.Cancelled.StatusCode == HttpStatusCode.OK, $"{wait}: cancel answered {(int)watched.Cancelled.StatusCode} {watched.Cancelled.Body}");
        Assert.True(watched.EmailsAfter.Count == 0, $"{wait}: emails sent after the cancel: {string.Join(", ", watched.EmailsAfter)}");
        Assert.True(watched.AuditAfter.Count == 0, $"{wait}: audit lines after the cancel: {string.Join(" | ", watched.AuditAfter)}");
        Assert.True(watched.Instances.Count >= 2, $"{wait}: expected the program's and its stage's instances, found {Describe(watched.Instances)}");
        Assert.True(
            watched.Instances.All(i => i.Value is "Terminated" or "Completed" or "Failed" or "Canceled"),
            $"{wait}: instances still live after {QuietWindow.TotalSeconds} s: {Describe(watched.Instances)}");
        Assert.Equal("Terminated", watched.Instances[watched.ProgramId]);
        Assert.Equal("Terminated", watched.Instances[$"{watched.ProgramId}-{Targets[wait].Stage.ToLowerInvariant()}"]);
        Assert.Equal("Cancelled", watched.Status);
    }

    private async Task<IReadOnlyDictionary<string, Watched>> RunOnceAsync()
    {
        await Once.WaitAsync();
        try
        {
            run ??= RunAllAsync();
        }
        finally
        {
            Once.Release();
        }

        return await run;
    }

    private async Task<IReadOnlyDictionary<string, Watched>> RunAllAsync()
    {
        var reached = await Task.WhenAll(Targets.Select(async t => (Wait: t.Key, Program: await ReachAndCancelAsync(t.Value))));

        // Proving that nothing happens needs a bounded wait: one window for all six, started after the last cancel
        // answered, so each program is watched at least this long — twice its longest timer (see the remarks).
        await Task.Delay(QuietWindow);

        var results = new Dictionary<string, Watched>(StringComparer.Ordinal);
        foreach (var (wait, program) in reached)
        {
            var emails = (await OutboxAsync(program.Id)).Where(m => !program.Emails.Contains(m["id"]!.GetValue<string>()))
                .Select(m => $"{Purpose(m)} to {string.Join(";", m["to"]!.AsArray())} at {m["sentAt"]}")
                .ToList();
            var audit = (await AuditAsync(Client, program.Id)).Select(e => e!.ToJsonString()).ToList();
            var status = (await GetAsync(Client, program.Id))["status"]!.GetValue<string>();
            results[wait] = new Watched(
                program.Id, program.Cancel, emails, [.. audit.Skip(program.AuditCount)], await InstancesAsync(program.Id), status);
        }

        return results;
    }

    /// <summary>Follows the outbox's links until the program waits where <paramref name="target"/> says, then cancels it.</summary>
    private async Task<Reached> ReachAndCancelAsync(Target target)
    {
        var id = await SubmitAsync(Client, Definition());
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + ReachDeadline;
        while (true)
        {
            // The outbox first, then the program: an email in this snapshot was sent in the stage read next or earlier.
            var outbox = await OutboxAsync(id);
            var program = await GetAsync(Client, id);
            var stage = program["stage"]?.GetValue<string>();
            var status = program["status"]!.GetValue<string>();
            Assert.True(status is "Running" or "WaitingForApproval", $"{target.Stage}: the program ended before it was reached: {program.ToJsonString()}");
            var inStage = stage == target.Stage;
            if (inStage && target.Ready(program, outbox))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{target.Stage}: the wait was not reached in time; last seen {program.ToJsonString()}");
            if (!inStage || target.FollowInStage)
            {
                await FollowAsync(browser, outbox, followed);
            }

            await Task.Delay(300);
        }

        // What was there when it was cancelled: the cancel's own audit line is the last one counted.
        using var response = await Client.PostAsync(
            $"api/programs/{id}/cancel", Json(new JsonObject { ["by"] = "Hana Okafor", ["reason"] = $"Stopped in {target.Stage}." }));
        var answer = new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        var emails = (await OutboxAsync(id)).Select(m => m["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var audit = await AuditAsync(Client, id);
        Assert.Equal("ProgramCancelled", audit[^1]!["action"]!.GetValue<string>());
        return new Reached(id, answer, emails, audit.Count);
    }

    private static async Task FollowAsync(HttpClient browser, IEnumerable<JsonObject> outbox, HashSet<string> followed)
    {
        foreach (var email in outbox)
        {
            foreach (var link in email["links"]!.AsArray().Select(l => l!.GetValue<string>()))
            {
                var path = new Uri(link).AbsolutePath;
                if (!path.Contains("/api/approvals/", StringComparison.Ordinal)
                    || !link.Contains("decision=approve", StringComparison.Ordinal)
                    || !followed.Add(path))
                {
                    continue;
                }

                using var response = await PostDecisionAsync(browser, link, "approve", "Glad to support the next generation of leaders.");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Gone, $"{link}: {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>
    /// The quick demo with every timer a few seconds (none longer than <see cref="LongestTimer"/>) and escalation on
    /// timeout, so that anything still alive after a cancel would send something within the quiet window.
    /// </summary>
    private static JsonObject Definition()
    {
        var definition = SampleDefinition();
        definition["approvals"] = new JsonObject { ["timeout"] = "PT8S", ["reminders"] = new JsonArray("PT3S"), ["onTimeout"] = "escalate" };
        definition["criteria"]!["mentee"]!["maxNominees"] = 8;
        definition["pilot"] = new JsonObject { ["pairs"] = 2, ["duration"] = "PT8S", ["checkIns"] = new JsonArray("PT2S", "PT4S") };
        definition["rollout"] = new JsonObject { ["duration"] = "PT8S", ["checkIns"] = new JsonArray("PT2S") };
        definition["stories"] = new JsonObject { ["requestAfter"] = "PT2S" };
        return definition;
    }

    /// <summary>Every orchestration instance of the program and its runtime status, read from the task hub's instance table.</summary>
    private async Task<IReadOnlyDictionary<string, string>> InstancesAsync(string programId)
    {
        var table = new TableClient(fixture.Azurite.ConnectionString, fixture.Host.Settings.TaskHub + "Instances");
        var instances = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {programId} and PartitionKey lt {programId + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            if (row.PartitionKey == programId || row.PartitionKey.StartsWith(programId + "-", StringComparison.Ordinal))
            {
                instances[row.PartitionKey] = row.GetString("RuntimeStatus") ?? "?";
            }
        }

        return instances;
    }

    private async Task<List<JsonObject>> OutboxAsync(string programId) =>
        [.. JsonNode.Parse(await Client.GetStringAsync("api/dev/outbox"))!.AsArray()
            .Select(m => m!.AsObject())
            .Where(m => m["programId"]?.GetValue<string>() == programId)
            .Reverse()];

    private static bool WaitsFor(JsonObject program, string kind) =>
        program["waitingFor"]?.AsArray().Any(w => w!["kind"]?.GetValue<string>() == kind) == true;

    private static string Purpose(JsonObject email) => email["purpose"]!.GetValue<string>();

    private static string Describe(IReadOnlyDictionary<string, string> instances) =>
        instances.Count == 0 ? "none" : string.Join(", ", instances.Select(i => $"{i.Key}={i.Value}"));

    private sealed record Target(string Stage, bool FollowInStage, Func<JsonObject, List<JsonObject>, bool> Ready);

    private sealed record Answer(HttpStatusCode StatusCode, string Body);

    private sealed record Reached(string Id, Answer Cancel, HashSet<string> Emails, int AuditCount);

    private sealed record Watched(
        string ProgramId,
        Answer Cancelled,
        IReadOnlyList<string> EmailsAfter,
        IReadOnlyList<string> AuditAfter,
        IReadOnlyDictionary<string, string> Instances,
        string Status);
}
