using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using MentorFlow.Integrations.Email;
using MentorFlow.Local.Durable;
using MentorFlow.Local.Tests.Api;
using MentorFlow.Testing;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Durability;

/// <summary>
/// The durable engine is distributed: two local hosts on one storage account and one task hub share its partitions
/// as Function App instances do, and when one is killed (<c>kill -9</c>) the other takes its partitions over once
/// their leases expire and finishes every program — none lost, no email sent twice.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed partial class FailoverTests(LocalHostFixture fixture, ITestOutputHelper output)
{
    private const int ProgramCount = 20;
    private const string SponsorMessage = "Two workers or one, this program runs the same.";
    private static readonly TimeSpan BalanceDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(6);
    private static readonly string[] Ended = ["Completed", "Declined", "Failed", "Cancelled"];

    [Fact]
    public async Task TwoWorkers_OneKilledMidRun_SurvivorTakesOverAndEveryProgramEndsAsWithOneWorker()
    {
        var durable = new LocalDurableOptions();
        var root = Path.Combine(Path.GetTempPath(), "mentorflow-failover-" + Guid.NewGuid().ToString("N")[..8]);

        // One task hub, one table prefix, one API key and one approval signing key for both, set explicitly: a link
        // either host emails must be accepted by the other.
        var shared = new LocalHostSettings { ConnectionString = fixture.Azurite.ConnectionString };
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        LocalHostSettings Worker(string workerId) => shared with
        {
            DataDirectory = Path.Combine(root, workerId),
            Settings = new Dictionary<string, string>
            {
                ["MentorFlow:Approvals:SigningKey"] = signingKey,
                ["MentorFlow:Email:OutboxDirectory"] = Path.Combine(root, workerId, "outbox"),
                ["MentorFlow:Durable:WorkerId"] = workerId,
                ["MentorFlow:Durable:PartitionCount"] = durable.PartitionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // One line per orchestration episode and activity, naming the worker that ran it.
                ["Logging:LogLevel:MentorFlow.Local.Durable.LocalDurableEngine"] = "Debug",
            },
        };

        var partitions = new TableClient(fixture.Azurite.ConnectionString, shared.TaskHub + "Partitions");
        var startA = LocalHostProcess.StartAsync(Worker("worker-a"));
        var startB = LocalHostProcess.StartAsync(Worker("worker-b"));
        LocalHostProcess? a = null;
        LocalHostProcess? b = null;
        try
        {
            // Started at the same moment, as scaled-out instances are.
            try
            {
                await Task.WhenAll(startA, startB);
            }
            finally
            {
                a = startA.IsCompletedSuccessfully ? await startA : null;
                b = startB.IsCompletedSuccessfully ? await startB : null;
            }

            var workers = new[] { (Id: "worker-a", Host: a!), (Id: "worker-b", Host: b!) };
            var driver = new EmailDriver(workers.Select(w => (w.Id, Reader: OutboxOf(w.Host))).ToList());

            // 1. Both workers have joined the partition table (own a partition or are taking one over) before any work
            // arrives. Not "settled half and half": on an idle hub a hand-over was seen to stay pending for over 90 s
            // here, while with work flowing it completes; the drive loop below waits until both workers have run
            // program orchestrations, and the figures say how many ran on both.
            var balanced = await WaitForAsync(
                partitions,
                BalanceDeadline,
                rows => rows.Count == durable.PartitionCount && workers.All(w => rows.Any(r => r.CurrentOwner == w.Id || r.NextOwner == w.Id)),
                () => string.Join("\n", workers.Select(w => $"{w.Id}:\n{Tail(w.Host.Output)}")));
            output.WriteLine($"Partitions before the kill: {Describe(balanced)}");

            // 2. Twenty programs, submitted to either host in turn.
            var ids = new List<string>();
            for (var i = 0; i < ProgramCount; i++)
            {
                ids.Add(await SubmitAsync(workers[i % 2].Host.Client, ClickDrivenDefinition()));
            }

            // 3. Drive them by their email links, each link sent to the host that did not email it, until every
            // charter is approved and both workers ran orchestrations of these programs; then kill worker B while the
            // work those approvals set off is in flight.
            var deadline = DateTime.UtcNow + RunDeadline;
            var alive = workers.Select(w => w.Host).ToList();
            while (!(driver.CharterDecisions >= ProgramCount && workers.All(w => ProgramsRunBy(w.Host.Output, w.Id, ids).Count > 0)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"No charter approvals for all programs or not both workers busy in time; decisions: {driver.CharterDecisions}.\nA:\n{Tail(a!.Output)}\nB:\n{Tail(b!.Output)}");
                await driver.FollowNewLinksAsync(alive, ids);
                await Task.Delay(250);
            }

            // Who ran what until now: each orchestration instance (a program and its stage and approval
            // sub-orchestrations, each on the partition its id hashes to), and each program's own orchestration.
            var outputAtKill = workers.ToDictionary(w => w.Id, w => w.Host.Output);
            var instancesBeforeKill = workers.ToDictionary(w => w.Id, w => InstancesRunBy(outputAtKill[w.Id], w.Id, ids));
            var programsBeforeKill = workers.ToDictionary(w => w.Id, w => ProgramsRunBy(outputAtKill[w.Id], w.Id, ids));
            var deadLeases = (await PartitionsAsync(partitions)).Where(r => r.CurrentOwner == "worker-b").ToList();
            var killedAt = Stopwatch.StartNew();
            var killedAtUtc = DateTimeOffset.UtcNow;
            await b!.KillAsync();
            alive = [a!];
            var survivor = a!;

            // 4. The survivor takes every partition over once the dead worker's leases expire.
            var takenOver = await WaitForAsync(
                partitions, RunDeadline, rows => rows.Count == durable.PartitionCount && rows.All(r => r.CurrentOwner == "worker-a"));
            var takeover = killedAt.Elapsed;
            var leaseLeft = deadLeases.Select(r => r.ExpiresAt).Max() is { } expires ? expires - killedAtUtc : TimeSpan.Zero;

            // A reference run on one worker: the same definition, submitted now that only the survivor works.
            var reference = await SubmitAsync(survivor.Client, ClickDrivenDefinition());
            var all = ids.Append(reference).ToList();

            // 5. Drive every program on through the survivor, with links from both outboxes, until each has ended.
            var final = new Dictionary<string, JsonObject>();
            while (final.Count < all.Count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Programs not ended in time: {string.Join(", ", all.Except(final.Keys))}.\n{Tail(survivor.Output)}");
                await driver.FollowNewLinksAsync(alive, all);
                foreach (var id in all.Except(final.Keys).ToList())
                {
                    var program = await GetAsync(survivor.Client, id);
                    if (Ended.Contains(program["status"]!.GetValue<string>()))
                    {
                        final[id] = program;
                    }
                }

                await Task.Delay(500);
            }

            // The figures.
            output.WriteLine($"Lease interval {durable.LeaseInterval.TotalSeconds} s, renewed every {durable.LeaseRenewInterval.TotalSeconds} s; {durable.PartitionCount} partitions.");
            output.WriteLine($"Worker B held {deadLeases.Count} partitions at the kill, its leases ran {leaseLeft.TotalSeconds:F1} s more; worker A owned all {durable.PartitionCount} after {takeover.TotalSeconds:F1} s: {Describe(takenOver)}");
            foreach (var (worker, programs) in programsBeforeKill)
            {
                output.WriteLine($"Before the kill {worker} ran the program orchestration of {programs.Count} programs, and {instancesBeforeKill[worker].Count} orchestration instances in all.");
            }

            var moved = programsBeforeKill["worker-a"].Intersect(programsBeforeKill["worker-b"]).Count();
            output.WriteLine($"Program orchestrations run by both workers before the kill (their partition changed hands while the workers balanced): {moved}.");

            // Instances only the killed worker had run, which the survivor ran on after the kill (they lived on the
            // partitions it took over).
            var survivorAfterKill = InstancesRunBy(survivor.Output[outputAtKill["worker-a"].Length..], "worker-a", ids);
            var takenFromB = instancesBeforeKill["worker-b"].Except(instancesBeforeKill["worker-a"]).Where(survivorAfterKill.Contains).ToList();
            output.WriteLine($"Orchestration instances only worker B had run before the kill, run on by worker A after it: {takenFromB.Count} "
                + $"(of {takenFromB.Select(i => ids.First(id => i.StartsWith(id, StringComparison.Ordinal))).Distinct().Count()} programs).");
            output.WriteLine($"Decisions posted: {driver.DecisionCount} ({driver.CrossHostDecisions} to the host that had not emailed the link, {driver.SurvivorDecisionsOfDeadHost} of the dead host's emails to the survivor).");

            var emails = await driver.EmailsByProgramAsync();
            var expected = Summary(final[reference], emails.GetValueOrDefault(reference) ?? []);
            output.WriteLine($"Reference (one worker): {expected.Status}, stages {string.Join("/", expected.Stages)}, {expected.Emails.Values.Sum()} emails to {expected.Emails.Count} recipient-purposes.");
            var maxPerRecipientAndPurpose = emails.Values.SelectMany(e => e.Values).DefaultIfEmpty(0).Max();
            output.WriteLine($"Emails in both outboxes: {emails.Values.Sum(e => e.Values.Sum())}; max per program, recipient and purpose: {maxPerRecipientAndPurpose}.");
            foreach (var group in emails.Values.SelectMany(e => e).GroupBy(e => e.Key.Purpose).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {group.Key}: {group.Sum(e => e.Value)} emails, at most {group.Max(e => e.Value)} per program and recipient");
            }

            output.WriteLine("Final states: " + string.Join(", ", final.Values.GroupBy(p => p["status"]!.GetValue<string>()).Select(g => $"{g.Key} {g.Count()}")));

            // The checks.
            Assert.Equal("Completed", expected.Status);
            Assert.DoesNotContain(expected.Stages, s => s is "Pending" or "Active");
            Assert.True(programsBeforeKill["worker-a"].Count > 0 && programsBeforeKill["worker-b"].Count > 0, "Both workers ran program orchestrations before the kill.");
            Assert.True(takenFromB.Count > 0, "The survivor ran on orchestrations only the killed worker had run.");
            Assert.True(deadLeases.Count > 0, "The killed worker held partitions.");
            // Its leases last at most LeaseInterval from its last renewal; the survivor claims them within a renewal
            // cycle or two after that. The margin is for a busy machine.
            var bound = durable.LeaseInterval + (2 * durable.LeaseRenewInterval) + TimeSpan.FromSeconds(10);
            Assert.True(takeover <= bound, $"Takeover took {takeover.TotalSeconds:F1} s, more than {bound.TotalSeconds} s.");
            Assert.True(driver.CrossHostDecisions > 0, "Links were served by the host that had not emailed them.");
            Assert.True(maxPerRecipientAndPurpose <= expected.Emails.Values.DefaultIfEmpty(0).Max(), "An email was sent more often than with one worker.");
            foreach (var id in ids)
            {
                var actual = Summary(final[id], emails.GetValueOrDefault(id) ?? []);
                Assert.True(expected.Status == actual.Status, $"{id}: {actual.Status}, expected {expected.Status}: {final[id].ToJsonString()}");
                Assert.Equal(expected.Stages, actual.Stages);
                Assert.Equal(expected.Counts, actual.Counts);
                Assert.True(expected.Emails.Count == actual.Emails.Count && expected.Emails.All(e => actual.Emails.GetValueOrDefault(e.Key) == e.Value),
                    $"{id}: emails differ from the one-worker run: {Difference(expected.Emails, actual.Emails)}");
                var actions = (await AuditAsync(survivor.Client, id)).Select(e => e!["action"]!.GetValue<string>()).ToHashSet();
                var expectedActions = (await AuditAsync(survivor.Client, reference)).Select(e => e!["action"]!.GetValue<string>()).ToHashSet();
                Assert.True(expectedActions.SetEquals(actions), $"{id}: audit actions {string.Join(",", actions.Order())}, one worker: {string.Join(",", expectedActions.Order())}");
            }
        }
        finally
        {
            if (b is not null)
            {
                await b.DisposeAsync();
            }

            if (a is not null)
            {
                await a.DisposeAsync();
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder; best effort.
            }
        }
    }

    /// <summary>
    /// The self-approving test program (two nominees, nobody eligible to mentor, stories asked after a second), except
    /// that nothing approves itself: every approval waits for its email link, so the run is the same whatever the timing.
    /// </summary>
    private static JsonObject ClickDrivenDefinition()
    {
        var definition = SelfApprovingDefinition();
        definition["approvals"] = new JsonObject { ["timeout"] = "PT30M", ["reminders"] = new JsonArray(), ["onTimeout"] = "decline" };
        return definition;
    }

    private static string Tail(string log) => log[^Math.Min(log.Length, 20_000)..];

    /// <summary>
    /// A reader of a host's outbox folder, made as the host makes its own (from its outbox directory and the base URL
    /// its links are under), so the dead host's emails can still be read from disk.
    /// </summary>
    private static OutboxReader OutboxOf(LocalHostProcess host)
    {
        using var services = new ServiceCollection()
            .AddSingleton(Options.Create(new EmailOptions { OutboxDirectory = host.Settings.Settings["MentorFlow:Email:OutboxDirectory"] }))
            .AddSingleton(Options.Create(new LinkOptions { PublicBaseUrl = host.BaseAddress }))
            .BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<OutboxReader>(services);
    }

    /// <summary>The orchestration instances of these programs a worker's log says it ran (sub-orchestration ids start with the program id).</summary>
    private static HashSet<string> InstancesRunBy(string log, string workerId, IReadOnlyCollection<string> programIds) =>
        [.. EpisodeLine().Matches(log)
            .Where(m => m.Groups["worker"].Value == workerId)
            .Select(m => m.Groups["instance"].Value)
            .Where(instance => programIds.Any(id => instance.StartsWith(id, StringComparison.Ordinal)))];

    /// <summary>The programs whose own orchestration (instance id = program id) a worker's log says it ran.</summary>
    private static HashSet<string> ProgramsRunBy(string log, string workerId, IReadOnlyCollection<string> programIds) =>
        [.. InstancesRunBy(log, workerId, programIds).Where(programIds.Contains)];

    [GeneratedRegex(@"Worker (?<worker>\S+) runs orchestration (?<instance>\S+)")]
    private static partial Regex EpisodeLine();

    private sealed record PartitionLease(string Partition, string? CurrentOwner, string? NextOwner, DateTimeOffset? ExpiresAt);

    private static async Task<List<PartitionLease>> PartitionsAsync(TableClient table)
    {
        var rows = new List<PartitionLease>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add(new PartitionLease(row.RowKey, row.GetString("CurrentOwner"), row.GetString("NextOwner"), row.GetDateTimeOffset("ExpiresAt")));
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Not created yet.
        }

        return rows;
    }

    private static async Task<List<PartitionLease>> WaitForAsync(TableClient table, TimeSpan timeout, Func<List<PartitionLease>, bool> condition, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<PartitionLease> rows;
        do
        {
            rows = await PartitionsAsync(table);
            if (condition(rows))
            {
                return rows;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The partition table did not reach the expected owners within {timeout.TotalSeconds} s: {Describe(rows)}\n{diagnostics?.Invoke()}");
        return rows;
    }

    private static string Describe(IEnumerable<PartitionLease> rows) =>
        string.Join("; ", rows.OrderBy(r => r.Partition, StringComparer.Ordinal).Select(r => $"{r.Partition} → {r.CurrentOwner ?? "none"}{(r.NextOwner is { Length: > 0 } next ? $" (to {next})" : "")}"));

    private sealed record ProgramSummary(string Status, string[] Stages, string Counts, Dictionary<(string Recipient, string Purpose), int> Emails);

    private static ProgramSummary Summary(JsonObject program, Dictionary<(string Recipient, string Purpose), int> emails) => new(
        program["status"]!.GetValue<string>(),
        [.. program["stages"]!.AsArray().Select(s => s!["state"]!.GetValue<string>())],
        program["counts"]?.ToJsonString() ?? "",
        emails);

    private static string Difference(Dictionary<(string Recipient, string Purpose), int> expected, Dictionary<(string Recipient, string Purpose), int> actual) =>
        string.Join("; ", expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k.Purpose} to {k.Recipient}: {actual.GetValueOrDefault(k)} (one worker: {expected.GetValueOrDefault(k)})"));

    /// <summary>
    /// What the people in the test do: read both outboxes (from disk, so the dead host's emails are still read) and
    /// press Approve on every approval link, write a story in every story form, answer every check-in.
    /// </summary>
    private sealed class EmailDriver(IReadOnlyList<(string WorkerId, OutboxReader Reader)> outboxes)
    {
        private readonly HashSet<string> followed = new(StringComparer.Ordinal);
        private readonly HttpClient browser = new() { Timeout = TimeSpan.FromSeconds(60) };

        public int DecisionCount { get; private set; }

        public int CrossHostDecisions { get; private set; }

        public int SurvivorDecisionsOfDeadHost { get; private set; }

        /// <summary>Charter confirmations approved (the first approval of each program).</summary>
        public int CharterDecisions { get; private set; }

        public async Task FollowNewLinksAsync(IReadOnlyList<LocalHostProcess> alive, IReadOnlyCollection<string> programIds)
        {
            foreach (var (workerId, outbox) in outboxes)
            {
                foreach (var email in (await outbox.ListAsync(CancellationToken.None)).Reverse())
                {
                    if (!programIds.Contains(email.ProgramId))
                    {
                        continue;
                    }

                    foreach (var link in email.Links)
                    {
                        var uri = new Uri(link);
                        if (!followed.Add(uri.AbsolutePath))
                        {
                            continue;
                        }

                        // Another host than the one that emailed the link, while there is one: the links of one worker
                        // work on every worker (same signing key, same storage).
                        var sender = alive.FirstOrDefault(h => h.Settings.Settings["MentorFlow:Durable:WorkerId"] == workerId);
                        var target = alive.FirstOrDefault(h => h != sender) ?? alive[0];
                        var at = new Uri(target.BaseAddress, uri.PathAndQuery).ToString();
                        if (uri.AbsolutePath.Contains("/api/approvals/", StringComparison.Ordinal))
                        {
                            if (!link.Contains("decision=approve", StringComparison.Ordinal))
                            {
                                followed.Remove(uri.AbsolutePath); // The approve link of this token comes too.
                                continue;
                            }

                            using var response = await PostDecisionAsync(browser, at, "approve", SponsorMessage);
                            await AssertAnsweredAsync(response, target, email.ProgramId, at);
                            DecisionCount++;
                            CharterDecisions += email.Subject.StartsWith("Confirm the program charter", StringComparison.Ordinal) ? 1 : 0;
                            CrossHostDecisions += sender is not null && target != sender ? 1 : 0;
                            SurvivorDecisionsOfDeadHost += sender is null ? 1 : 0;
                        }
                        else if (uri.AbsolutePath.Contains("/api/checkins/", StringComparison.Ordinal))
                        {
                            using var response = await browser.PostAsync(new Uri(at).GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "5" }));
                            await AssertAnsweredAsync(response, target, email.ProgramId, at);
                        }
                        else if (uri.AbsolutePath.Contains("/api/stories/", StringComparison.Ordinal))
                        {
                            using var response = await browser.PostAsync(new Uri(at).GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(new Dictionary<string, string>
                            {
                                ["story"] = "My mentor showed me how to run a pipeline review.",
                                ["consent"] = "yes",
                            }));
                            await AssertAnsweredAsync(response, target, email.ProgramId, at);
                        }
                    }
                }
            }
        }

        /// <summary>Recorded (200), already decided (409), or the program has ended (410: its links are closed).</summary>
        private static async Task AssertAnsweredAsync(HttpResponseMessage response, LocalHostProcess host, string programId, string link)
        {
            if (response.StatusCode == HttpStatusCode.Gone)
            {
                var status = (await GetAsync(host.Client, programId))["status"]!.GetValue<string>();
                Assert.True(Ended.Contains(status), $"{link}: 410 while program {programId} is {status}");
                return;
            }

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{link}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        /// <summary>Every email of both outboxes, counted per program, recipient and purpose.</summary>
        public async Task<Dictionary<string, Dictionary<(string Recipient, string Purpose), int>>> EmailsByProgramAsync()
        {
            var counts = new Dictionary<string, Dictionary<(string Recipient, string Purpose), int>>(StringComparer.Ordinal);
            foreach (var (_, outbox) in outboxes)
            {
                foreach (var email in await outbox.ListAsync(CancellationToken.None))
                {
                    var program = counts.TryGetValue(email.ProgramId, out var found) ? found : counts[email.ProgramId] = [];
                    foreach (var recipient in email.To.Concat(email.Cc))
                    {
                        program[(recipient, email.Purpose)] = program.GetValueOrDefault((recipient, email.Purpose)) + 1;
                    }
                }
            }

            return counts;
        }
    }
}
