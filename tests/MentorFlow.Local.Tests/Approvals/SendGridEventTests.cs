using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MentorFlow.Local.Tests.Api;
using MentorFlow.Testing;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Approvals;

/// <summary>
/// SendGrid's Event Webhook against the running host: only correctly signed batches are read, each event once (by its
/// id, or by its content where it has none), and a bounce of the charter email passes the approval one level on, to
/// the program manager's manager from the directory, at once, however many events report it.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SendGridEventTests(LocalHostFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly ECDsa sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string directoryFile = Path.Combine(Path.GetTempPath(), $"directory-{Guid.NewGuid():N}.json");
    private LocalHostProcess host = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(directoryFile, """
            { "value": [
              { "id": "u1", "displayName": "Morgan Boss", "mail": "morgan.boss@example.com", "accountEnabled": true },
              { "id": "u2", "displayName": "Priya Patel", "mail": "priya.patel@example.com", "accountEnabled": true, "manager": { "id": "u1" } }
            ] }
            """);
        host = await LocalHostProcess.StartAsync(new LocalHostSettings
        {
            ConnectionString = fixture.Azurite.ConnectionString,
            Settings = new Dictionary<string, string>
            {
                ["MentorFlow:Email:SendGrid:EventWebhook:PublicKey"] = Convert.ToBase64String(sendGrid.ExportSubjectPublicKeyInfo()),
                ["MentorFlow:Directory:File"] = directoryFile,
            },
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose()
    {
        sendGrid.Dispose();
        File.Delete(directoryFile);
    }

    [Fact]
    public async Task Bounce_ReportedSeveralTimes_EscalatesOneLevelToTheManagerAtOnce()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");
        // One bounced email as SendGrid may report it: without an event id, as a drop, under an id, and the batch twice.
        var batch = Batch(
            Event(id, "bounce", "priya.patel@example.com", eventId: null),
            Event(id, "dropped", "priya.patel@example.com", Guid.NewGuid().ToString()),
            Event(id, "bounce", "priya.patel@example.com", Guid.NewGuid().ToString()));

        using var first = await PostSignedAsync(batch);
        using var again = await PostSignedAsync(batch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, await EscalatedAsync(first));
        Assert.Equal(0, await EscalatedAsync(again));
        await WaitForApproverAsync(id, "morgan.boss@example.com");
        // The request activity stores the new approver before it sends the email and audits it: wait for the audit too.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonArray audit;
        while (!Audited(audit = await AuditAsync(host.Client, id), "ApprovalEscalated") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "ApprovalEmailBounced");
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "ApprovalEscalated");
        var requests = (await OutboxAsync(id)).Where(m => m["purpose"]!.GetValue<string>() == "approval-request").ToList();
        Assert.Equal(
            ["morgan.boss@example.com", "priya.patel@example.com"],
            requests.Select(m => Assert.Single(m["to"]!.AsArray())!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bounce_OfAnotherLevelsEmail_EscalatesNothing()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");

        // The level 1 email to the same address was never sent: a bounce claiming it is not of the email the approval waits on.
        using var response = await PostSignedAsync(Batch(Event(id, "bounce", "priya.patel@example.com", Guid.NewGuid().ToString(), level: 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await EscalatedAsync(response));
    }

    [Fact]
    public async Task SignedBatch_Delivered_AcceptedAndChangesNothing()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");

        using var response = await PostSignedAsync(Batch(id, "delivered", "priya.patel@example.com", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["escalated"]!.GetValue<int>());
    }

    [Fact]
    public async Task ModifiedBatch_Rejected403AndNothingEscalates()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");
        var batch = Batch(id, "delivered", "priya.patel@example.com", Guid.NewGuid().ToString());
        var (signature, timestamp) = Sign(batch);
        var tampered = batch.Replace("delivered", "bounce", StringComparison.Ordinal);

        using var response = await PostAsync(tampered, signature, timestamp);
        using var unsigned = await PostAsync(batch, null, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        await Task.Delay(1000);
        var waiting = (await GetAsync(host.Client, id))["waitingFor"]!.AsArray();
        Assert.Equal("priya.patel@example.com", Assert.Single(waiting)!["approver"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SameEvent_TwiceDelivered_HandledOnce(bool withEventId)
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");
        var batch = Batch(Event(id, "bounce", "priya.patel@example.com", withEventId ? Guid.NewGuid().ToString() : null));

        using var first = await PostSignedAsync(batch);
        using var second = await PostSignedAsync(batch);

        Assert.Equal(1, await EscalatedAsync(first));
        Assert.Equal(0, await EscalatedAsync(second));
    }

    private static string Batch(string programId, string type, string email, string eventId) => Batch(Event(programId, type, email, eventId));

    private static string Batch(params JsonObject[] events) => new JsonArray(events).ToJsonString();

    /// <summary>An event of the charter email sent at <paramref name="level"/>; without <paramref name="eventId"/>, no <c>sg_event_id</c> at all.</summary>
    private static JsonObject Event(string programId, string type, string email, string? eventId, int level = 0)
    {
        var item = new JsonObject
        {
            ["email"] = email,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = type,
            ["sg_message_id"] = "msg-1",
            ["reason"] = type == "bounce" ? "550 5.1.1 The email account does not exist." : null,
            ["mentorflow_key"] = $"{programId}/charter/request/{level}",
            ["mentorflow_program"] = programId,
        };
        if (eventId is not null)
        {
            item["sg_event_id"] = eventId;
        }

        return item;
    }

    private static async Task<int> EscalatedAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["escalated"]!.GetValue<int>();

    private async Task<List<JsonObject>> OutboxAsync(string programId) =>
        [.. JsonNode.Parse(await host.Client.GetStringAsync("api/dev/outbox"))!.AsArray()
            .Select(m => m!.AsObject())
            .Where(m => m["programId"]?.GetValue<string>() == programId)];

    private (string Signature, string Timestamp) Sign(string payload)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = sendGrid.SignData(
            Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), timestamp);
    }

    private Task<HttpResponseMessage> PostSignedAsync(string payload)
    {
        var (signature, timestamp) = Sign(payload);
        return PostAsync(payload, signature, timestamp);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature, string? timestamp)
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sendgrid/events") { Content = Json(payload) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signature);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }

        return await anonymous.SendAsync(request);
    }

    private async Task WaitForApproverAsync(string id, string approver)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = (await GetAsync(host.Client, id))["waitingFor"]!.AsArray();
            if (waiting.Any(w => w!["approver"]!.GetValue<string>() == approver))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Program {id} never waited for {approver}.");
    }

    private static bool Audited(JsonArray audit, string action) => audit.Any(e => e!["action"]!.GetValue<string>() == action);
}
